import { z } from "zod";
import { optionalFormText } from "@/lib/console/admin/optional-form-text";
import { Role } from "@/lib/generated/prisma/enums";
import { checkSunsetDate } from "@/lib/tool-catalog/check-sunset-date";
import { deprecateToolInputSchema } from "@/lib/tool-catalog/deprecate-tool";

/** Date rolls 2027-02-31 over to March: only a day that survives the round trip is real. */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

const toolNameField = z.string().min(1, { message: "Unknown tool" }).max(200).describe("Catalogue name of the tool");

/**
 * "Deprecate" on a tool: the catalogue service's own fields (message, replacement, sunset), with
 * blanks dropped and the sunset a calendar date (end of that day in UTC is not implied: the tool
 * stops at 00:00 UTC of that date, as the CLI's --sunset YYYY-MM-DD does), still in the future.
 */
export const deprecateToolFormSchema = z.object({
  name: toolNameField,
  message: optionalFormText(deprecateToolInputSchema.shape.message.unwrap()),
  replacement: optionalFormText(z.string().max(200)).describe(deprecateToolInputSchema.shape.replacement.description ?? "Replacement tool"),
  sunset: optionalFormText(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date such as 2026-12-31" })
      .refine((day) => isCalendarDay(day), { message: "Not a calendar date" })
      .transform((day) => new Date(`${day}T00:00:00Z`))
      .superRefine((sunset, context) => {
        const check = checkSunsetDate(sunset);
        if (!check.ok) context.addIssue({ code: "custom", message: check.message });
      }),
  ).describe("Date from which the tool is neither listed nor callable"),
});

/** "Enable" / "Disable" on a tool. */
export const setToolEnabledFormSchema = z.object({
  name: toolNameField,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true").describe("false: neither listed nor callable"),
});

/** A tool name alone (undeprecate, delete a command tool). */
export const toolNameFormSchema = z.object({ name: toolNameField });

/**
 * "Grant" on a tool: one grantee, posted as "role:<role>" or "user:<uuid>" from a single select.
 * Output is { toolName, role } or { toolName, userId }, the shape grantTool takes.
 */
export const grantToolFormSchema = z
  .object({
    name: toolNameField,
    grantee: z
      .string()
      .regex(new RegExp(`^(role:(${Object.keys(Role).join("|")})|user:[0-9a-f-]{36})$`), { message: "Pick a role or a user" })
      .describe('"role:member" or "user:<user id>"'),
  })
  .transform(({ name, grantee }): { toolName: string; role: Role } | { toolName: string; userId: string } => {
    const [kind, value] = grantee.split(/:(.*)/s, 2);
    return kind === "role" ? { toolName: name, role: value as Role } : { toolName: name, userId: value };
  });

/** "Remove" on one grant. */
export const revokeGrantFormSchema = z.object({ grantId: z.uuid({ message: "Unknown grant" }).describe("The grant to remove") });
