/**
 * The API key layout: `sb_` + 32 base62 secret characters + 6 base62 characters of the secret's
 * CRC32. The fixed prefix lets secret scanners spot leaked keys; the checksum rejects typos and
 * random guesses without a database lookup. Only the SHA-256 of the whole key is stored, plus
 * the first `visiblePrefixLength` characters for display.
 */
export const API_KEY_FORMAT = {
  prefix: "sb_",
  secretLength: 32,
  checksumLength: 6,
  visiblePrefixLength: 12,
  /** Total length: prefix + secret + checksum. */
  length: 3 + 32 + 6,
  alphabet: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
} as const;
