import { z } from "zod";
import { optionalFormText } from "@/lib/console/admin/optional-form-text";

/**
 * The audit page's URL filters (a GET form, so links can be shared). Blank fields are dropped;
 * dates are ISO instants computed in the viewer's browser.
 */
export const auditFilterSchema = z.object({
  actor: optionalFormText(z.string().max(320)).describe('Actor label: an email, "cli", "system" or "invite:<email>"'),
  action: optionalFormText(z.string().max(100).regex(/^[a-z_.]+$/, { message: "Use an action such as grant.add or a prefix such as grant." })).describe('Exact action ("grant.add") or a prefix ending in "." ("grant.")'),
  targetType: optionalFormText(z.string().max(50)).describe("user, api_key, tool, role or invite"),
  targetId: optionalFormText(z.string().max(200)).describe("A user id, key id, tool name or role"),
  from: optionalFormText(z.coerce.date({ message: "Not a date" })).describe("Only changes at or after this instant"),
  to: optionalFormText(z.coerce.date({ message: "Not a date" })).describe("Only changes before this instant"),
  cursor: optionalFormText(z.string().regex(/^\d+$/)).describe("nextCursor of the previous page"),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;
