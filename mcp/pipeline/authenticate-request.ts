import type { Principal } from "@/lib/api-keys/principal";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { HubError } from "@/lib/errors/hub-error";
import { buildBearerChallenge } from "@/lib/oauth/build-bearer-challenge";
import { assertWithinRequestBudget } from "./assert-within-request-budget";

export interface AuthenticatedRequest {
  principal: Principal;
}

/**
 * The pipeline's authentication stage: the request's API key or OAuth access token → its
 * principal (authenticateApiKey), charged one request of the key's request budget (every MCP
 * request passes here, so tools/list and ping floods are bounded too; 429 over it). A refusal's
 * 401 carries the challenge that points OAuth clients at the endpoint's resource metadata
 * (`resourcePath`: /mcp or /sse).
 */
export async function authenticateRequest(request: { ip: string; authorization: string | undefined; resourcePath: "/mcp" | "/sse" }): Promise<AuthenticatedRequest> {
  const principal = await authenticateApiKey(request).catch((error: unknown) => {
    if (!(error instanceof HubError) || error.code !== "unauthorized") throw error;
    const challenge = buildBearerChallenge(request.resourcePath, Boolean(request.authorization?.trim()));
    throw new HubError("unauthorized", error.message, { cause: error.cause, headers: { ...error.headers, "WWW-Authenticate": challenge } });
  });
  await assertWithinRequestBudget(principal);
  return { principal };
}
