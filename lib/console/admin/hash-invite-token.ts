import { createHash } from "node:crypto";

/** SHA-256 hex of an invite token: the only form in which a token is stored or looked up. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
