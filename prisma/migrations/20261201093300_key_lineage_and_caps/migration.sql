-- Key lineage: the key that minted a key (null: minted in the console or by the CLI), and the
-- first key of its line, whose rate budget the whole line shares.
ALTER TABLE "ApiKey" ADD COLUMN "parentKeyId" UUID;
ALTER TABLE "ApiKey" ADD COLUMN "rootKeyId" UUID;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_parentKeyId_fkey" FOREIGN KEY ("parentKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "ApiKey_parentKeyId_idx" ON "ApiKey"("parentKeyId");

-- Most live (unrevoked, unexpired) keys a user may hold; null: the default (25).
ALTER TABLE "User" ADD COLUMN "maxLiveKeys" INTEGER;
