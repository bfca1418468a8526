import { createDecipheriv } from "node:crypto";
import { HubError } from "@/lib/errors/hub-error";
import { SECRET_FORMAT } from "@/lib/secrets/encrypt-secret";
import { getSecretKey } from "@/lib/secrets/get-secret-key";

/**
 * Decrypts what encryptSecret produced for the same label. Throws HubError internal_error naming
 * the fix (never the value) when the key differs from the one it was saved with or the text was
 * tampered with.
 */
export function decryptSecret(ciphertext: string, label: string, key: Buffer = getSecretKey()): string {
  try {
    if (!ciphertext.startsWith(SECRET_FORMAT)) throw new Error("unknown format");
    const raw = Buffer.from(ciphertext.slice(SECRET_FORMAT.length), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(label));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new HubError(
      "internal_error",
      `Cannot decrypt the stored secret ${label}: SWITCHBOARD_SECRET_KEY (or <data dir>/secret-key) differs from the key it was saved with. Restore that key, or re-enter the value.`,
      { cause: error },
    );
  }
}
