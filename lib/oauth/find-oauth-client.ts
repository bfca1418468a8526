import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import type { OAuthClient } from "@/lib/generated/prisma/client";
import { fetchClientMetadataDocument } from "@/lib/oauth/fetch-client-metadata-document";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { LOOPBACK_HOSTS, OAUTH_POLICY } from "@/lib/oauth/oauth-policy";
import { parseClientMetadata } from "@/lib/oauth/parse-client-metadata";

/**
 * The client behind a `client_id`: a registered client (RFC 7591), or — for a URL-shaped id — the
 * client its Client ID Metadata Document describes, fetched (SSRF-protected) when first seen or
 * when the cached copy has expired, and kept in OAuthClient. Throws OAuthError invalid_client
 * for an unknown or revoked client, or an unusable document.
 */
export async function findOAuthClient(clientId: unknown): Promise<OAuthClient> {
  if (typeof clientId !== "string" || clientId.length === 0 || clientId.length > OAUTH_POLICY.maxUriLength) {
    throw new OAuthError("invalid_client", "client_id is missing or too long.");
  }
  const prisma = getPrisma();
  const known = await prisma.oAuthClient.findUnique({ where: { clientId } });
  if (known?.revokedAt) throw new OAuthError("invalid_client", "This client has been revoked by an administrator.");
  if (!/^https?:\/\//i.test(clientId)) {
    if (!known) throw new OAuthError("invalid_client", "Unknown client_id: register the client first.");
    return known;
  }
  if (known && known.metadataExpiresAt && known.metadataExpiresAt.getTime() > Date.now()) return known;

  const allowLoopback = LOOPBACK_HOSTS.has(new URL(getEnv().publicUrl).hostname);
  const url = new URL(clientId);
  if (url.href !== clientId || url.hash || url.pathname === "/" || (url.protocol !== "https:" && !allowLoopback)) {
    throw new OAuthError("invalid_client", "A URL client_id must be an https URL with a path, exactly as written in its metadata document.");
  }
  const fetched = await fetchClientMetadataDocument(clientId, { allowLoopback });
  const document = fetched.document as Record<string, unknown> | null;
  if (typeof document !== "object" || document === null || document.client_id !== clientId) {
    throw new OAuthError("invalid_client", `Client metadata document ${clientId} must name itself as client_id.`);
  }
  const parsed = parseClientMetadata(document, url.host);
  if (!parsed.ok) throw new OAuthError("invalid_client", `Client metadata document ${clientId}: ${parsed.message}.`);
  const fields = {
    name: parsed.metadata.name,
    clientUri: parsed.metadata.clientUri,
    redirectUris: parsed.metadata.redirectUris,
    metadataExpiresAt: new Date(Date.now() + fetched.cacheSeconds * 1000),
  };
  return prisma.oAuthClient.upsert({ where: { clientId }, create: { clientId, kind: "metadata_document", ...fields }, update: fields });
}
