import type { z } from "zod";
import { describeZodIssues } from "@/lib/api/describe-zod-issues";
import { readCappedBodyText } from "@/lib/api/read-capped-body-text";
import { getEnv } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";

/**
 * Reads a JSON request body and validates it with `schema`. Throws HubError payload_too_large
 * (over SWITCHBOARD_MAX_BODY_BYTES, as declared or as counted while reading, which stops at the
 * cap), invalid_request (not JSON, or not sent as application/json) and validation_failed (JSON
 * that does not fit the schema, naming each field).
 */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HubError("invalid_request", "Send the request body as JSON with Content-Type: application/json.");
  }
  const limit = getEnv().SWITCHBOARD_MAX_BODY_BYTES;
  // An honest Content-Length is refused before reading; anything else is counted as it streams in.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new HubError("payload_too_large", `Request body exceeds ${limit} bytes.`);
  const text = await readCappedBodyText(request, limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HubError("invalid_request", "Request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HubError("validation_failed", `Invalid request body: ${describeZodIssues(parsed.error)}`);
  return parsed.data;
}
