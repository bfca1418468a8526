import { randomBytes } from "node:crypto";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";
import { getPrisma } from "@/lib/db/prisma";
import { buildAuthorizationRedirect } from "@/lib/oauth/build-authorization-redirect";
import type { AuthorizationRequest } from "@/lib/oauth/check-authorization-request";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

/**
 * After the user allowed a checked request: stores a single-use code (its SHA-256 only) bound
 * to the client, redirect URI, PKCE challenge, resource, user and tool subset, valid 60 s, and
 * returns the redirect that hands it to the client (with state and iss).
 */
export async function issueAuthorizationCode(input: { request: AuthorizationRequest; userId: string; allowedTools: readonly string[] }): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  const { request } = input;
  await getPrisma().oAuthAuthorizationCode.create({
    data: {
      codeHash: hashApiKey(code),
      clientId: request.client.id,
      userId: input.userId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      resource: request.resource,
      allowedTools: [...input.allowedTools],
      expiresAt: new Date(Date.now() + OAUTH_POLICY.codeSeconds * 1000),
    },
  });
  return buildAuthorizationRedirect(request.redirectUri, request.state, { code });
}
