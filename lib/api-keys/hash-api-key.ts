import { hash } from "node:crypto";

/** SHA-256 hex of the whole key: what the database stores and looks keys up by. */
export function hashApiKey(key: string): string {
  // One-shot hash: every MCP request hashes its key, and createHash().update().digest() costs
  // about 2.5× more (0.86 vs 0.33 µs) for a key this short.
  return hash("sha256", key, "hex");
}
