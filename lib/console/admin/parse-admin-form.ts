import { z } from "zod";

/**
 * Validates a form's values with its zod schema. Pure. On failure: a summary message plus the
 * first problem per field, keyed by field name, ready for an AdminActionResult.
 */
export function parseAdminForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
): { ok: true; data: z.output<S> } | { ok: false; message: string; fieldErrors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    if (field === null) formErrors.push(issue.message);
    else fieldErrors[field] ??= issue.message;
  }
  return { ok: false, message: formErrors[0] ?? "Check the highlighted fields.", fieldErrors };
}
