import type { z } from "zod";

/** One line naming each invalid field and why, e.g. "name: Too small; tools.0: Expected string". Pure. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
