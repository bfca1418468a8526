/**
 * scrypt cost parameters for console passwords (OWASP's 2^15 / 8 / 1 floor) and the limits a
 * stored hash may claim. The memory bound matters: 128·N·r bytes is 32 MiB at these settings,
 * exactly Node's default `maxmem`, so every call passes an explicit, larger ceiling.
 */
export const SCRYPT_PARAMETERS = {
  cost: 2 ** 15,
  blockSize: 8,
  parallelization: 1,
  saltBytes: 16,
  keyBytes: 32,
  /** Stored hashes asking for more than this are refused rather than computed (DoS guard). */
  maxCost: 2 ** 20,
  maxMemoryBytes: 256 * 1024 * 1024,
} as const;
