import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listUrlSecrets } from "@/lib/upstream-connections/list-url-secrets";
import { redactUrl } from "@/lib/upstream-connections/redact-url";
import { sealUpstreamUrl } from "@/lib/upstreams/stored-upstream-url";

/**
 * Seals the URLs stored before a URL's password and query values were secrets (migration
 * 20261201160000_upstream_url_secrets: SQL cannot encrypt, the key is not in the database): each
 * such row gets its full URL encrypted and the shown form in `url`, and the audit entries of
 * servers get the URLs they recorded redacted. Idempotent, and safe with several instances
 * starting at once (a row is sealed only while still unsealed and unchanged). Returns the ids of
 * the servers it sealed, whose connections were opened with the settings before.
 */
export async function sealStoredUpstreamUrls(): Promise<string[]> {
  const prisma = getPrisma();
  const sealed: string[] = [];
  const rows = await prisma.upstreamServer.findMany({ where: { urlEncrypted: null, url: { not: null } }, select: { id: true, url: true } });
  for (const row of rows) {
    if (!row.url || listUrlSecrets(row.url).length === 0) continue;
    const { count } = await prisma.upstreamServer.updateMany({ where: { id: row.id, url: row.url, urlEncrypted: null }, data: sealUpstreamUrl(row.url) });
    if (count > 0) sealed.push(row.id);
  }
  // Only entries whose URL may carry a secret part; a redacted one matches too but is left as it is.
  const events = await prisma.$queryRaw<{ id: bigint; before: Prisma.JsonValue; after: Prisma.JsonValue }[]>`
    SELECT id, before, after FROM "AuditEvent"
    WHERE "targetType" = 'upstream_server' AND (before->>'url' ~ '[?#@]' OR after->>'url' ~ '[?#@]')`;
  for (const event of events) {
    const before = withRedactedUrl(event.before);
    const after = withRedactedUrl(event.after);
    if (before === undefined && after === undefined) continue;
    await prisma.auditEvent.update({ where: { id: event.id }, data: { ...(before ? { before } : {}), ...(after ? { after } : {}) } });
  }
  return sealed;
}

/** The recorded server view with its URL redacted; undefined when there is nothing to change. */
function withRedactedUrl(view: Prisma.JsonValue): Prisma.InputJsonObject | undefined {
  if (!view || typeof view !== "object" || Array.isArray(view) || typeof view.url !== "string") return undefined;
  const url = redactUrl(view.url);
  return url === view.url ? undefined : { ...(view as Prisma.InputJsonObject), url };
}
