import type { z } from "zod";
import { describeZodIssues } from "@/lib/api/describe-zod-issues";
import { HubError } from "@/lib/errors/hub-error";

/**
 * Validates a request's query string with `schema` (an object schema over string values; a
 * repeated parameter keeps its last value, an empty one counts as absent). Throws HubError
 * invalid_request naming each bad parameter.
 */
export function parseSearchParams<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (value !== "") query[name] = value;
    else delete query[name];
  }
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new HubError("invalid_request", `Invalid query parameters: ${describeZodIssues(parsed.error)}`);
  return parsed.data;
}
