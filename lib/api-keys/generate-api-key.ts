import { randomBytes } from "node:crypto";
import { API_KEY_FORMAT } from "@/lib/api-keys/api-key-format";
import { computeApiKeyChecksum } from "@/lib/api-keys/compute-api-key-checksum";
import { hashApiKey } from "@/lib/api-keys/hash-api-key";

/**
 * A new random key (190 bits of secret) with what the database keeps of it. `key` must be
 * shown to its owner once and then forgotten.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const { alphabet, secretLength, prefix, visiblePrefixLength } = API_KEY_FORMAT;
  let secret = "";
  while (secret.length < secretLength) {
    for (const byte of randomBytes(secretLength * 2)) {
      // 248 = 4·62: rejecting bytes above it keeps every character equally likely.
      if (byte < 248 && secret.length < secretLength) secret += alphabet[byte % 62];
    }
  }
  const key = `${prefix}${secret}${computeApiKeyChecksum(secret)}`;
  return { key, prefix: key.slice(0, visiblePrefixLength), hash: hashApiKey(key) };
}
