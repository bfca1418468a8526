import type { z } from "zod";

/** One line a client can act on: "path: Too big: expected string to have <=1024 characters; …". */
export function formatInputIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "input"}: ${issue.message}`)
    .join("; ");
}
