import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { publishHubEvent } from "@/lib/events/hub-events";
import { findToolOrThrow } from "@/lib/tool-catalog/find-tool-or-throw";
import { toDeprecationAudit } from "@/lib/tool-catalog/to-deprecation-audit";

/**
 * Clears a tool's deprecation (message, replacement, sunset), audited, and publishes
 * catalog_changed. A deprecation declared in code comes back at the next start: remove it there.
 */
export async function undeprecateTool(input: { name: string; actor: Actor }): Promise<void> {
  const cleared = { deprecatedAt: null, deprecationMessage: null, replacement: null, sunsetAt: null };
  await getPrisma().$transaction(async (tx) => {
    const tool = await findToolOrThrow(tx, input.name);
    await tx.tool.update({ where: { name: input.name }, data: cleared });
    await recordAuditEvent(
      {
        actor: input.actor,
        action: "tool.undeprecate",
        targetType: "tool",
        targetId: input.name,
        before: toDeprecationAudit(tool),
        after: toDeprecationAudit(cleared),
      },
      tx,
    );
  });
  publishHubEvent({ type: "catalog_changed" });
}
