import { crc32 } from "node:zlib";
import { API_KEY_FORMAT } from "@/lib/api-keys/api-key-format";

/** The 6-character base62 CRC32 of a key's secret part, left-padded with "0". Pure. */
export function computeApiKeyChecksum(secret: string): string {
  const { alphabet, checksumLength } = API_KEY_FORMAT;
  let value = crc32(secret);
  let text = "";
  while (value > 0) {
    text = alphabet[value % 62] + text;
    value = Math.floor(value / 62);
  }
  return text.padStart(checksumLength, "0");
}
