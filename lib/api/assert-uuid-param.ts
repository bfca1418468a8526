import { HubError } from "@/lib/errors/hub-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Guards an id taken from the URL path: ids are UUIDs, so anything else cannot name a row and is
 * answered HubError not_found ("<what> <value> not found") before it reaches the database (where
 * a malformed UUID would be a query error, not a 404).
 */
export function assertUuidParam(value: string, what: string): string {
  if (!UUID.test(value)) throw new HubError("not_found", `${what} ${value} not found`);
  return value;
}
