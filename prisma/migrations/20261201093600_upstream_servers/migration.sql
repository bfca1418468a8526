-- Federation (issue 10): upstream MCP servers whose tools the hub serves as NAME__TOOL.
-- Every configured environment and header value is stored as JSON entries
-- { name, secret, value | encrypted }: secret ones only as AES-256-GCM ciphertext
-- (lib/secrets/encrypt-secret.ts). Each upstream tool also has a "Tool" row (kind 'upstream'), so
-- grants, deprecation, call logs and dashboards treat it like a built-in tool; "UpstreamTool"
-- keeps the approved definition's fingerprint and any changed definition held for review.

-- CreateTable
CREATE TABLE "UpstreamServer" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "command" TEXT,
    "args" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cwd" TEXT,
    "url" TEXT,
    "env" JSONB NOT NULL DEFAULT '[]',
    "headers" JSONB NOT NULL DEFAULT '[]',
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "maxConcurrency" INTEGER NOT NULL DEFAULT 16,
    "status" TEXT NOT NULL DEFAULT 'starting',
    "lastError" TEXT,
    "statusAt" TIMESTAMP(3),
    "serverVersion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamTool" (
    "toolName" TEXT NOT NULL,
    "serverId" UUID NOT NULL,
    "upstreamName" TEXT NOT NULL,
    "approvedDefinition" JSONB,
    "approvedFingerprint" TEXT,
    "approvedAt" TIMESTAMP(3),
    "approvedBy" TEXT,
    "pendingDefinition" JSONB,
    "pendingFingerprint" TEXT,
    "pendingSince" TIMESTAMP(3),
    "missingSince" TIMESTAMP(3),

    CONSTRAINT "UpstreamTool_pkey" PRIMARY KEY ("toolName")
);

-- CreateTable
CREATE TABLE "ServerGrant" (
    "id" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "role" "Role",
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamServer_name_key" ON "UpstreamServer"("name");
CREATE UNIQUE INDEX "UpstreamTool_serverId_upstreamName_key" ON "UpstreamTool"("serverId", "upstreamName");
CREATE UNIQUE INDEX "ServerGrant_serverId_role_key" ON "ServerGrant"("serverId", "role");
CREATE UNIQUE INDEX "ServerGrant_serverId_userId_key" ON "ServerGrant"("serverId", "userId");
CREATE INDEX "ServerGrant_userId_idx" ON "ServerGrant"("userId");

-- AddForeignKey
ALTER TABLE "UpstreamTool" ADD CONSTRAINT "UpstreamTool_toolName_fkey" FOREIGN KEY ("toolName") REFERENCES "Tool"("name") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpstreamTool" ADD CONSTRAINT "UpstreamTool_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "UpstreamServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServerGrant" ADD CONSTRAINT "ServerGrant_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "UpstreamServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServerGrant" ADD CONSTRAINT "ServerGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
