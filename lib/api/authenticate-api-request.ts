import type { ApiCaller } from "@/lib/api/api-caller";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { getConsoleUser } from "@/lib/auth/get-console-user";
import { HubError } from "@/lib/errors/hub-error";

const NO_CREDENTIALS = "Authentication required: send Authorization: Bearer <api key>, or sign in to the console.";

/**
 * The caller of an API request. An Authorization header always wins and must hold a valid key
 * (authenticateApiKey: same cache, messages and failure counting as MCP: a refused key counts
 * against its address, or against itself when it is known but revoked or expired; over budget is 429). Without one, the console's next-auth
 * session is used (role and disabled state re-read from the database). Throws HubError
 * unauthorized when neither identifies an enabled user.
 */
export async function authenticateApiRequest(request: Request): Promise<ApiCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return authenticateKey(authorization, getClientIp(Object.fromEntries(request.headers)));
  const user = await getConsoleUser();
  if (!user) throw new HubError("unauthorized", NO_CREDENTIALS);
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    via: "session",
    // The same stand-in principal the console's key form uses, so both share one permission cache entry.
    principal: { userId: user.id, email: user.email, role: user.role, keyId: `console:${user.id}`, keyPrefix: "", allowedTools: [], rateLimitPolicy: null },
    actor: { userId: user.id, label: user.email },
  };
}

async function authenticateKey(authorization: string, ip: string): Promise<ApiCaller> {
  const principal = await authenticateApiKey({ authorization, ip });
  return { userId: principal.userId, email: principal.email, role: principal.role, via: "key", principal, actor: { userId: principal.userId, label: principal.email } };
}
