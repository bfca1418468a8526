import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { checkSunsetDate } from "@/lib/tool-catalog/check-sunset-date";
import { findToolOrThrow } from "@/lib/tool-catalog/find-tool-or-throw";
import { toDeprecationAudit } from "@/lib/tool-catalog/to-deprecation-audit";

export const deprecateToolInputSchema = z.object({
  name: z.string().min(1).describe("Tool to deprecate"),
  message: z.string().trim().min(1).max(500).optional().describe("Why, or what to do instead; shown to clients"),
  replacement: z.string().min(1).optional().describe("Existing tool that replaces it, e.g. run_tests_v2"),
  sunset: z.coerce.date().optional().describe("Instant (in the future) from which the tool is no longer listed or callable"),
});
export type DeprecateToolInput = z.input<typeof deprecateToolInputSchema>;

/**
 * Flags a tool deprecated (optionally with a replacement that must exist and a sunset date),
 * writes the audit event in the same transaction and tells every session the catalogue changed.
 * Deprecating again replaces message, replacement and sunset. A sunset must be in the future
 * (checkSunsetDate). Throws HubError not_found / validation_failed.
 */
export async function deprecateTool(rawInput: DeprecateToolInput & { actor: Actor }): Promise<void> {
  const { actor, ...rest } = rawInput;
  const parsed = deprecateToolInputSchema.safeParse(rest);
  if (!parsed.success) throw new HubError("validation_failed", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  const input = parsed.data;
  if (input.replacement === input.name) throw new HubError("validation_failed", "A tool cannot replace itself.");
  const sunsetCheck = input.sunset ? checkSunsetDate(input.sunset) : { ok: true as const };
  if (!sunsetCheck.ok) throw new HubError("validation_failed", sunsetCheck.message);
  await getPrisma().$transaction(async (tx) => {
    const tool = await findToolOrThrow(tx, input.name);
    if (input.replacement !== undefined && !(await tx.tool.findUnique({ where: { name: input.replacement }, select: { name: true } }))) {
      throw new HubError("validation_failed", `Replacement tool ${input.replacement} does not exist.`);
    }
    const after = {
      deprecatedAt: tool.deprecatedAt ?? new Date(),
      deprecationMessage: input.message ?? null,
      replacement: input.replacement ?? null,
      sunsetAt: input.sunset ?? null,
    };
    await tx.tool.update({ where: { name: input.name }, data: after });
    await recordAuditEvent(
      {
        actor,
        action: "tool.deprecate",
        targetType: "tool",
        targetId: input.name,
        before: toDeprecationAudit(tool),
        after: toDeprecationAudit(after),
      },
      tx,
    );
  });
  publishHubEvent({ type: "catalog_changed" });
}
