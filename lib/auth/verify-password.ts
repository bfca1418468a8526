import { timingSafeEqual } from "node:crypto";
import { deriveScryptKey } from "@/lib/auth/derive-scrypt-key";
import { SCRYPT_PARAMETERS } from "@/lib/auth/scrypt-parameters";

const STORED_HASH = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

/**
 * True when `password` matches a hash made by hashPassword. A malformed hash, or one claiming
 * parameters beyond SCRYPT_PARAMETERS' limits, is a non-match, never an exception. The key
 * comparison is constant-time.
 */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const match = STORED_HASH.exec(storedHash);
  if (!match) return false;
  const [cost, blockSize, parallelization] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isPowerOfTwo = cost > 1 && (cost & (cost - 1)) === 0;
  if (!isPowerOfTwo || cost > SCRYPT_PARAMETERS.maxCost || blockSize < 1 || blockSize > 32 || parallelization < 1 || parallelization > 16) {
    return false;
  }
  const salt = Buffer.from(match[4], "base64");
  const expected = Buffer.from(match[5], "base64");
  if (expected.length < 16) return false;
  const actual = await deriveScryptKey(password, salt, expected.length, {
    N: cost,
    r: blockSize,
    p: parallelization,
    maxmem: SCRYPT_PARAMETERS.maxMemoryBytes,
  });
  return timingSafeEqual(actual, expected);
}
