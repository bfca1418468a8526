import { randomBytes } from "node:crypto";
import { deriveScryptKey } from "@/lib/auth/derive-scrypt-key";
import { SCRYPT_PARAMETERS } from "@/lib/auth/scrypt-parameters";

/**
 * Hashes a console password with scrypt (N=2^15, r=8, p=1, 16-byte random salt) into the
 * self-describing form `scrypt$N$r$p$<salt base64>$<hash base64>`, so parameters can be raised
 * later without invalidating stored hashes. Slow (tens of milliseconds) on purpose.
 */
export async function hashPassword(password: string): Promise<string> {
  const { cost, blockSize, parallelization, saltBytes, keyBytes, maxMemoryBytes } = SCRYPT_PARAMETERS;
  const salt = randomBytes(saltBytes);
  const key = await deriveScryptKey(password, salt, keyBytes, { N: cost, r: blockSize, p: parallelization, maxmem: maxMemoryBytes });
  return ["scrypt", cost, blockSize, parallelization, salt.toString("base64"), key.toString("base64")].join("$");
}
