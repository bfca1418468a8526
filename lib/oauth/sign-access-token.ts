import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { getAccessTokenKey } from "@/lib/oauth/get-access-token-key";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";
import { OAUTH_POLICY } from "@/lib/oauth/oauth-policy";

/** The claims an access token carries (RFC 9068 profile) besides iss, aud, exp, iat and jti. */
export interface AccessTokenSubject {
  userId: string;
  /** The grant (an ApiKey row with oauthClientId) the token acts for. */
  grantId: string;
  clientId: string;
  resource: string;
}

/** A signed JWT access token (`typ: at+jwt`, HS256), valid OAUTH_POLICY.accessTokenSeconds. */
export async function signAccessToken(subject: AccessTokenSubject): Promise<string> {
  return new SignJWT({ client_id: subject.clientId, grant_id: subject.grantId })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(getOAuthEndpoints().issuer)
    .setAudience(subject.resource)
    .setSubject(subject.userId)
    .setIssuedAt()
    .setExpirationTime(`${OAUTH_POLICY.accessTokenSeconds}s`)
    .setJti(randomUUID())
    .sign(getAccessTokenKey());
}
