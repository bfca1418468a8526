import { createHash } from "node:crypto";

/** SHA-256 hex of the whole key: what the database stores and looks keys up by. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
