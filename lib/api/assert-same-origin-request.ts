import { checkSameOrigin } from "@/lib/api/check-same-origin";
import { getEnv } from "@/lib/env";
import { HubError } from "@/lib/errors/hub-error";

/** Methods that change state and so need CSRF protection when authenticated by cookie. */
const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses (HubError forbidden) a state-changing request whose Origin is not this hub; see
 * checkSameOrigin. Safe methods pass untouched. Call only for cookie-authenticated requests:
 * a bearer key is not sent by browsers on their own, so it cannot be forged cross-site.
 */
export function assertSameOriginRequest(request: Request): void {
  if (!MUTATING_METHODS.has(request.method.toUpperCase())) return;
  const env = getEnv();
  const trustedHosts = [new URL(env.publicUrl).host, ...(env.SWITCHBOARD_ALLOWED_HOSTS ?? "").split(",")];
  const header = (name: string) => request.headers.get(name)?.trim().toLowerCase() ?? null;
  const verdict = checkSameOrigin({ origin: header("origin"), secFetchSite: header("sec-fetch-site"), host: header("host") }, trustedHosts);
  if (!verdict.ok) throw new HubError("forbidden", verdict.message);
}
