-- A server URL's password and query values are secrets like its headers (issue 10): "url" keeps
-- the form that may be shown (https://user:***@host/mcp?token=***) and "urlEncrypted" the full
-- URL as AES-256-GCM ciphertext (lib/upstreams/stored-upstream-url.ts). The key lives outside the
-- database, so rows registered before are sealed when a hub starts (sealStoredUpstreamUrls), which
-- also redacts the URLs their audit entries recorded; until then they connect and show as before,
-- redacted on the way out.
ALTER TABLE "UpstreamServer" ADD COLUMN "urlEncrypted" TEXT;
