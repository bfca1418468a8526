import type { ApiCaller } from "@/lib/api/api-caller";
import { assertCallerMay } from "@/lib/api/assert-caller-may";
import type { RoleCapability } from "@/lib/permissions/principal-may";
import { assertSameOriginRequest } from "@/lib/api/assert-same-origin-request";
import { assertWithinApiRateLimit } from "@/lib/api/assert-within-api-rate-limit";
import { authenticateApiRequest } from "@/lib/api/authenticate-api-request";
import { HubError } from "@/lib/errors/hub-error";
import { toErrorResponse } from "@/lib/errors/to-error-envelope";
import { reportError } from "@/lib/errors/report-error";

/** What a /api/v1 route needs beyond an authenticated caller. */
export interface ApiRouteOptions {
  /**
   * A ROLES capability the caller must have (403 otherwise), e.g. "manageHub" for admin endpoints.
   * A key limited to some tools has none (assertCallerMay), so it cannot administer the hub.
   */
  requires?: RoleCapability;
}

/** What a handler gets: the request, the authenticated caller, and the resolved route params. */
export interface ApiRouteContext<Params> {
  request: Request;
  caller: ApiCaller;
  params: Params;
}

/** Next's second route-handler argument (params are a promise since Next 15). */
interface NextRouteContext<Params> {
  params: Promise<Params>;
}

/**
 * The one wrapper of every /api/v1 route handler: authenticate (key or session) → CSRF check for
 * cookie-authenticated mutations → per-key rate limit (key callers) → role capability → handler.
 * Any throw becomes the error envelope (HubError as is; anything else reported and answered as a
 * generic 500 or, for an unreachable database, 503, never a stack or SQL). Successful key-authenticated answers carry RateLimit-*
 * headers; every answer is `Cache-Control: no-store`.
 */
export function withApiRoute<Params = Record<string, never>>(
  options: ApiRouteOptions,
  handler: (context: ApiRouteContext<Params>) => Promise<Response>,
): (request: Request, context: NextRouteContext<Params>) => Promise<Response> {
  return async (request, context) => {
    let response: Response;
    try {
      const caller = await authenticateApiRequest(request);
      if (caller.via === "session") assertSameOriginRequest(request);
      const limitHeaders = caller.via === "key" ? await assertWithinApiRateLimit(caller.principal) : {};
      if (options.requires) assertCallerMay(caller, options.requires);
      response = await handler({ request, caller, params: await context.params });
      for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    } catch (error) {
      // Client errors are the caller's business; faults (and their causes) are ours to see in the log.
      reportError(error, { method: request.method, path: new URL(request.url).pathname }, "API request failed");
      response = toErrorResponse(error);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
