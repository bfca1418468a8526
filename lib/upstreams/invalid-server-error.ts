import type { z } from "zod";
import { HubError } from "@/lib/errors/hub-error";

/** HubError validation_failed naming the first problem of a server's registration or edit. */
export function invalidServerError(error: z.ZodError): HubError {
  const issue = error.issues[0];
  return new HubError("validation_failed", `Invalid server: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}
