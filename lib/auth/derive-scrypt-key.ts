import { scrypt, type ScryptOptions } from "node:crypto";

/**
 * node:crypto's scrypt as a promise (util.promisify loses the options overload's types).
 * The password is NFKC-normalised so the same visible password always derives the same key.
 */
export function deriveScryptKey(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
