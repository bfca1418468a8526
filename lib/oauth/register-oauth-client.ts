import { randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { parseClientMetadata } from "@/lib/oauth/parse-client-metadata";

/**
 * RFC 7591 dynamic registration of a public client. Returns the client information response
 * (§3.2.1). Anyone may register — a client can do nothing until a user signs in and consents —
 * so only the metadata is checked. Throws OAuthError invalid_redirect_uri or invalid_client_metadata.
 */
export async function registerOAuthClient(body: unknown): Promise<Record<string, unknown>> {
  const parsed = parseClientMetadata(body, "Unnamed client");
  if (!parsed.ok) throw new OAuthError(/redirect/i.test(parsed.message) ? "invalid_redirect_uri" : "invalid_client_metadata", parsed.message);
  const clientId = `sbc_${randomBytes(18).toString("base64url")}`;
  const client = await getPrisma().oAuthClient.create({
    data: { clientId, kind: "registered", name: parsed.metadata.name, clientUri: parsed.metadata.clientUri, redirectUris: parsed.metadata.redirectUris },
  });
  return {
    client_id: client.clientId,
    client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
    client_name: client.name,
    ...(client.clientUri ? { client_uri: client.clientUri } : {}),
    redirect_uris: client.redirectUris,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
}
