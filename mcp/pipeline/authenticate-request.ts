import type { Principal } from "@/lib/api-keys/principal";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { assertWithinRequestBudget } from "./assert-within-request-budget";

export interface AuthenticatedRequest {
  principal: Principal;
}

/**
 * The pipeline's authentication stage: the request's API key → its principal (authenticateApiKey),
 * charged one request of the key's request budget (every MCP request passes here, so tools/list
 * and ping floods are bounded too; 429 over it).
 */
export async function authenticateRequest(request: { ip: string; authorization: string | undefined }): Promise<AuthenticatedRequest> {
  const principal = await authenticateApiKey(request);
  await assertWithinRequestBudget(principal);
  return { principal };
}
