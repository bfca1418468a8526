import { timingSafeEqual, createHash } from "node:crypto";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getEnv } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";
import { principalMay } from "@/lib/permissions/principal-may";
import { assertAuthAttemptAllowed } from "@/lib/rate-limit/check-auth-failure-limit";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

// Hashing first gives equal-length inputs, so the comparison leaks neither content nor length.
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/**
 * Allows GET /metrics for `Authorization: Bearer <SWITCHBOARD_METRICS_TOKEN>` (compared in
 * constant time) or an admin's API key. Wrong credentials count against the caller IP's
 * failed-authentication budget (so the token cannot be guessed at leisure); over budget is 429.
 * Throws HubError unauthorized (no or unknown credentials), forbidden (a valid key of a
 * non-admin) or rate_limited.
 */
export async function authorizeMetricsRequest(authorizationHeader: string | null | undefined, ip: string): Promise<void> {
  const token = BEARER.exec(authorizationHeader ?? "")?.[1];
  if (!token) throw new HubError("unauthorized", "Metrics require Authorization: Bearer <metrics token or admin API key>");
  // Before the token comparison, so an IP over budget learns nothing from its guesses.
  await assertAuthAttemptAllowed(ip);
  const metricsToken = getEnv().SWITCHBOARD_METRICS_TOKEN;
  if (metricsToken && sameSecret(token, metricsToken)) return;
  const principal = await authenticateApiKey({ authorization: token, ip });
  if (!principalMay(principal, "manageHub")) throw new HubError("forbidden", "Metrics are available to admins only (with a key not limited to specific tools)");
}
