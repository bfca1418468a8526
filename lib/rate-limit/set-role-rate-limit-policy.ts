import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatRateLimitPolicy } from "@/lib/rate-limit/format-rate-limit-policy";
import { parseRateLimitPolicy } from "@/lib/rate-limit/parse-rate-limit-policy";

/**
 * Sets a role's rate-limit override ("600/1m"), or removes it with null (back to the default).
 * Audited in the same transaction; publishes permissions_changed so every instance re-reads
 * policies. Throws HubError validation_failed for a malformed policy. Returns the stored text.
 */
export async function setRoleRateLimitPolicy(input: { role: Role; policy: string | null; actor: Actor }): Promise<string | null> {
  const parsed = input.policy === null ? null : parseRateLimitPolicy(input.policy);
  if (parsed && !parsed.ok) throw new HubError("validation_failed", parsed.message);
  const next = parsed?.policy ?? null;
  await getPrisma().$transaction(async (tx) => {
    const current = await tx.rateLimitPolicy.findUnique({ where: { role: input.role } });
    if (next) {
      await tx.rateLimitPolicy.upsert({ where: { role: input.role }, create: { role: input.role, ...next }, update: next });
    } else if (current) {
      await tx.rateLimitPolicy.delete({ where: { role: input.role } });
    }
    await recordAuditEvent(
      {
        actor: input.actor,
        action: "rate_limit_policy.set",
        targetType: "role",
        targetId: input.role,
        before: current ? formatRateLimitPolicy(current) : null,
        after: next ? formatRateLimitPolicy(next) : null,
      },
      tx,
    );
  });
  publishHubEvent({ type: "permissions_changed" });
  return next ? formatRateLimitPolicy(next) : null;
}
