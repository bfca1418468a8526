import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { hashInviteToken } from "@/lib/console/admin/hash-invite-token";
import { INVITE_TOKEN_PATTERN } from "@/lib/console/admin/invite-lifetime";

test("hashInviteToken is the SHA-256 hex of the token, never the token itself", () => {
  const token = "k".repeat(43);
  assert.equal(hashInviteToken(token), createHash("sha256").update(token).digest("hex"));
  assert.notEqual(hashInviteToken(token), hashInviteToken(`${token.slice(0, 42)}j`));
  assert.doesNotMatch(hashInviteToken(token), /k{10}/);
});

for (const [token, valid] of [
  ["A".repeat(43), true],
  ["a-_9".repeat(10) + "abc", true],
  ["A".repeat(42), false],
  ["A".repeat(44), false],
  [`${"A".repeat(42)}/`, false],
] as const) {
  test(`INVITE_TOKEN_PATTERN: ${token.length} chars ${valid ? "accepted" : "refused"}`, () => assert.equal(INVITE_TOKEN_PATTERN.test(token), valid));
}
