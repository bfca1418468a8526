import { createCipheriv, randomBytes } from "node:crypto";
import { getSecretKey } from "@/lib/secrets/get-secret-key";

/** Version tag of the ciphertext format: "v1:" + base64url(iv[12] | tag[16] | ciphertext). */
export const SECRET_FORMAT = "v1:";

/**
 * Encrypts one secret value with AES-256-GCM under the hub's secret key. `label` (e.g.
 * "env:API_TOKEN") is bound as associated data, so a ciphertext cannot be moved to another field.
 */
export function encryptSecret(plaintext: string, label: string, key: Buffer = getSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(label));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return SECRET_FORMAT + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}
