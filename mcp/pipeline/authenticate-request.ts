import type { Principal } from "@/lib/api-keys/principal";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";

export interface AuthenticatedRequest {
  principal: Principal;
}

/** The pipeline's authentication stage: the request's API key → its principal (authenticateApiKey). */
export async function authenticateRequest(request: { ip: string; authorization: string | undefined }): Promise<AuthenticatedRequest> {
  return { principal: await authenticateApiKey(request) };
}
