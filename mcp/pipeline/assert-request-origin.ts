import { HubError } from "@/lib/errors/hub-error";
import { checkRequestOrigin } from "./check-request-origin";

/** Guard form of checkRequestOrigin: throws HubError forbidden (403) for a refused Host/Origin. */
export function assertRequestOrigin(headers: { host?: string; origin?: string }, allowedHosts: ReadonlySet<string>): void {
  const check = checkRequestOrigin(headers, allowedHosts);
  if (!check.ok) throw new HubError("forbidden", check.message);
}
