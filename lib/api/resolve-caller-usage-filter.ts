import type { ApiCaller } from "@/lib/api/api-caller";
import { assertCallerMay } from "@/lib/api/assert-caller-may";
import { callerMay } from "@/lib/api/caller-may";
import { ROLES } from "@/lib/permissions/roles";
import { resolveUsageUserFilter } from "@/lib/usage/resolve-usage-user-filter";

/**
 * The usage user filter for an API caller (resolveUsageUserFilter), except that an admin calling
 * through a key limited to some tools sees only their own usage, as a member would: asking for
 * another user's throws HubError forbidden (assertCallerMay's message).
 */
export function resolveCallerUsageFilter(caller: Pick<ApiCaller, "userId" | "role" | "via" | "principal">, requestedUserId?: string | null): string | null {
  if (callerMay(caller, "seeAllUsage") || !ROLES[caller.role].seeAllUsage) return resolveUsageUserFilter(caller, requestedUserId);
  if (requestedUserId && requestedUserId !== caller.userId) assertCallerMay(caller, "seeAllUsage");
  return caller.userId;
}
