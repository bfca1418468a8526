import { hkdfSync } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";

let cached: { secret: string; key: Uint8Array } | undefined;

/**
 * The HS256 key that signs access tokens, derived (HKDF-SHA-256) from AUTH_SECRET, so every
 * instance sharing AUTH_SECRET verifies every instance's tokens, and the console's session
 * signing key is never used for anything else. The hub is both authorization server and
 * resource server, so a symmetric key needs no published JWKS.
 */
export function getAccessTokenKey(): Uint8Array {
  const secret = getAuthSecret();
  if (cached?.secret !== secret) cached = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "switchboard oauth access token", 32)) };
  return cached.key;
}
