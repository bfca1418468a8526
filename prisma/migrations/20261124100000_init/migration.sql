-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'member');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('ok', 'error', 'denied', 'rate_limited', 'invalid');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'member',
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'member',
    "createdById" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "allowedTools" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rateLimitPolicy" TEXT,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "inputSchema" JSONB NOT NULL,
    "schemaHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'builtin',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "deprecatedAt" TIMESTAMP(3),
    "deprecationMessage" TEXT,
    "replacement" TEXT,
    "sunsetAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ToolRevision" (
    "id" UUID NOT NULL,
    "toolName" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "schemaHash" TEXT NOT NULL,
    "inputSchema" JSONB NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommandTool" (
    "toolName" TEXT NOT NULL,
    "argv" TEXT[],
    "parameters" JSONB NOT NULL,
    "workingDir" TEXT NOT NULL DEFAULT '.',
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "maxOutputBytes" INTEGER NOT NULL DEFAULT 65536,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommandTool_pkey" PRIMARY KEY ("toolName")
);

-- CreateTable
CREATE TABLE "ToolGrant" (
    "id" UUID NOT NULL,
    "toolName" TEXT NOT NULL,
    "role" "Role",
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitPolicy" (
    "role" "Role" NOT NULL,
    "limit" INTEGER NOT NULL,
    "windowSeconds" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitPolicy_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "CallLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "apiKeyId" UUID,
    "keyPrefix" TEXT,
    "sessionId" TEXT,
    "transport" TEXT NOT NULL,
    "clientName" TEXT,
    "clientVersion" TEXT,
    "toolName" TEXT NOT NULL,
    "toolVersion" TEXT,
    "status" "CallStatus" NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,
    "requestBytes" INTEGER NOT NULL,
    "resultBytes" INTEGER NOT NULL,
    "errorCode" TEXT,

    CONSTRAINT "CallLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallRollup" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "toolName" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "apiKeyId" UUID NOT NULL,
    "clientName" TEXT NOT NULL,
    "status" "CallStatus" NOT NULL,
    "calls" INTEGER NOT NULL,
    "totalMs" DOUBLE PRECISION NOT NULL,
    "maxMs" DOUBLE PRECISION NOT NULL,
    "buckets" INTEGER[],

    CONSTRAINT "CallRollup_pkey" PRIMARY KEY ("minute","toolName","userId","apiKeyId","clientName","status")
);

-- CreateTable
CREATE TABLE "RateLimitEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "apiKeyId" UUID,
    "userId" UUID,
    "ip" TEXT,
    "limit" INTEGER NOT NULL,
    "windowSeconds" INTEGER NOT NULL,

    CONSTRAINT "RateLimitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ToolRevision_toolName_schemaHash_key" ON "ToolRevision"("toolName", "schemaHash");

-- CreateIndex
CREATE INDEX "ToolGrant_userId_idx" ON "ToolGrant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ToolGrant_toolName_role_key" ON "ToolGrant"("toolName", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ToolGrant_toolName_userId_key" ON "ToolGrant"("toolName", "userId");

-- CreateIndex
CREATE INDEX "CallLog_at_idx" ON "CallLog"("at");

-- CreateIndex
CREATE INDEX "CallLog_toolName_at_idx" ON "CallLog"("toolName", "at");

-- CreateIndex
CREATE INDEX "CallLog_userId_at_idx" ON "CallLog"("userId", "at");

-- CreateIndex
CREATE INDEX "CallLog_apiKeyId_at_idx" ON "CallLog"("apiKeyId", "at");

-- CreateIndex
CREATE INDEX "CallRollup_toolName_minute_idx" ON "CallRollup"("toolName", "minute");

-- CreateIndex
CREATE INDEX "CallRollup_userId_minute_idx" ON "CallRollup"("userId", "minute");

-- CreateIndex
CREATE INDEX "RateLimitEvent_at_idx" ON "RateLimitEvent"("at");

-- CreateIndex
CREATE INDEX "RateLimitEvent_apiKeyId_at_idx" ON "RateLimitEvent"("apiKeyId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "Note_updatedAt_idx" ON "Note"("updatedAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolRevision" ADD CONSTRAINT "ToolRevision_toolName_fkey" FOREIGN KEY ("toolName") REFERENCES "Tool"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommandTool" ADD CONSTRAINT "CommandTool_toolName_fkey" FOREIGN KEY ("toolName") REFERENCES "Tool"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolGrant" ADD CONSTRAINT "ToolGrant_toolName_fkey" FOREIGN KEY ("toolName") REFERENCES "Tool"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolGrant" ADD CONSTRAINT "ToolGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over notes (not expressible in schema.prisma): the notes tools query
-- to_tsvector('english', title || ' ' || body) with exactly this expression so the planner uses it.
CREATE INDEX "Note_title_body_fts_idx" ON "Note" USING GIN (to_tsvector('english', "title" || ' ' || "body"));
