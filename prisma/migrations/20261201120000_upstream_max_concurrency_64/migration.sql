-- The default per-upstream concurrency cap goes from 16 to 64 (lib/upstreams/upstream-server-schema.ts
-- says why). Servers registered before keep the cap they were stored with.
ALTER TABLE "UpstreamServer" ALTER COLUMN "maxConcurrency" SET DEFAULT 64;
