-- CreateTable: the last resources/prompts list change of each upstream server that the instances
-- announced to their sessions, so an announcement every instance hears is told once, not once per
-- instance (lib/upstreams/claim-upstream-list-change.ts).
CREATE TABLE "UpstreamListChange" (
    "serverId" UUID NOT NULL,
    "list" TEXT NOT NULL,
    "fingerprint" TEXT,
    "announcedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UpstreamListChange_pkey" PRIMARY KEY ("serverId","list")
);

-- AddForeignKey
ALTER TABLE "UpstreamListChange" ADD CONSTRAINT "UpstreamListChange_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "UpstreamServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
