import { HubError } from "@/lib/errors/hub-error";
import { UPSTREAM_NAME_PATTERN } from "@/lib/upstreams/upstream-server-schema";

/**
 * The `server` field of a Servers page form: a registered server's name. Anything that cannot be
 * one (the pattern bounds it to 32 characters) is refused without being echoed: the field is
 * whatever the poster sent, and the answer is shown on the page.
 */
export function readServerNameField(value: FormDataEntryValue | null): string {
  if (typeof value === "string" && UPSTREAM_NAME_PATTERN.test(value)) return value;
  throw new HubError("not_found", "No such server (the form names none that can exist); reload the Servers page.");
}
