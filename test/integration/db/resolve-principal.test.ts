import assert from "node:assert/strict";
import { test } from "node:test";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { stampKeyLastUsed } from "@/lib/api-keys/stamp-key-last-used";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { useTestDatabase } from "@/test/helpers/use-test-database";

useTestDatabase();

let counter = 0;
async function seedKey(options: { expiresInMs?: number; allowedTools?: string[] } = {}) {
  counter += 1;
  const user = await createUser({ email: `Person${counter}@Example.com`, password: "a-long-enough-password" });
  const { key, secret } = await createApiKey({ userId: user.id, name: `key ${counter}`, allowedTools: options.allowedTools, rateLimitPolicy: "600/1m" });
  // Counted from here: creating the user (scrypt, strength check) takes a while.
  if (options.expiresInMs !== undefined) await getPrisma().apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() + options.expiresInMs) } });
  return { user, key, secret };
}

async function assertRefused(input: string | undefined, message: string): Promise<void> {
  await assert.rejects(resolvePrincipal(input), (error: unknown) => {
    const reply = toErrorReply(error);
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, { error: { code: "unauthorized", message } });
    assert.match(reply.headers["WWW-Authenticate"] ?? reply.headers["www-authenticate"] ?? "", /^Bearer/);
    return true;
  });
}

test("a valid key (raw or as a Bearer header) resolves to its principal", async () => {
  const { user, key, secret } = await seedKey({ allowedTools: ["read_file"] });
  const expected = {
    userId: user.id,
    email: user.email,
    role: user.role,
    keyId: key.id,
    keyPrefix: secret.slice(0, 12),
    allowedTools: ["read_file"],
    rateLimitPolicy: "600/1m",
    budgetKeyId: key.id,
  };
  assert.deepEqual({ ...(await resolvePrincipal(secret)) }, expected);
  assert.deepEqual({ ...(await resolvePrincipal(`Bearer ${secret}`)) }, expected);
  assert.equal(user.email, `person${counter}@example.com`);
});

test("every refusal has its own message in the 401 envelope", async (t) => {
  const revoked = await seedKey();
  await revokeApiKey({ keyId: revoked.key.id, actor: CLI_ACTOR });
  const expired = await seedKey({ expiresInMs: -1000 });
  const disabled = await seedKey();
  await createUser({ email: "keeps-an-admin@example.com", role: "admin" });
  await disableUser({ userId: disabled.user.id, actor: CLI_ACTOR });
  const valid = (await seedKey()).secret;
  const cases: Array<[string, string | undefined, string]> = [
    ["missing", undefined, "Missing API key: send Authorization: Bearer <key>."],
    ["empty header", "", "Missing API key: send Authorization: Bearer <key>."],
    ["another scheme", `Basic ${valid}`, "Malformed Authorization header: expected Bearer <key>."],
    ["malformed", "Bearer sb_short", "Malformed API key: expected sb_ followed by 38 letters and digits."],
    ["bad checksum", valid.slice(0, 10) + (valid[10] === "A" ? "B" : "A") + valid.slice(11), "Invalid API key: checksum mismatch (mistyped or truncated key)."],
    ["unknown", generateApiKey().key, "Invalid API key: no such key."],
    ["revoked", revoked.secret, "API key revoked: create a new key."],
    ["expired", expired.secret, "API key expired: create a new key."],
    ["owner disabled", disabled.secret, "API key owner is disabled: ask an admin to re-enable the account."],
  ];
  for (const [name, input, message] of cases) {
    await t.test(name, () => assertRefused(input, message));
  }
});

test("revoking or disabling takes effect at once despite the cache", async () => {
  const first = await seedKey();
  await resolvePrincipal(first.secret); // now cached
  await revokeApiKey({ prefix: first.key.prefix, actor: CLI_ACTOR });
  await assertRefused(first.secret, "API key revoked: create a new key.");

  const second = await seedKey();
  await resolvePrincipal(second.secret);
  await disableUser({ userId: second.user.id, actor: CLI_ACTOR });
  await assertRefused(second.secret, "API key owner is disabled: ask an admin to re-enable the account.");
});

test("a key that expires while cached is refused", async () => {
  // Long enough for the first lookup to come before the expiry on a busy machine (with 400 ms a
  // slow lookup could find it expired already), well within the ~5 s cache: the refusal comes
  // from the cached entry's expiry check.
  const soon = await seedKey({ expiresInMs: 1_500 });
  await resolvePrincipal(soon.secret);
  await new Promise((resolve) => setTimeout(resolve, 1_600));
  await assertRefused(soon.secret, "API key expired: create a new key.");
});

test("use stamps lastUsedAt, coalesced off the request path", async () => {
  const { key, secret } = await seedKey();
  const before = Date.now();
  await resolvePrincipal(secret);
  await resolvePrincipal(secret);
  await stampKeyLastUsed(key.id); // within the interval: resolves with the pending batch
  const row = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: key.id } });
  assert.ok(row.lastUsedAt && row.lastUsedAt.getTime() >= before - 5);
  const firstStamp = row.lastUsedAt.getTime();
  await stampKeyLastUsed(key.id, new Date(firstStamp + 1_000));
  const again = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: key.id } });
  assert.equal(again.lastUsedAt?.getTime(), firstStamp, "a second use within 30 s is not written");
});

test("key management is audited without the secret or hash", async () => {
  const { key, secret } = await seedKey();
  await revokeApiKey({ keyId: key.id, actor: CLI_ACTOR });
  const events = await getPrisma().auditEvent.findMany({ where: { targetId: key.id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
  assert.deepEqual(events.map((event) => event.action), ["api_key.create", "api_key.revoke"]);
  const stored = await getPrisma().apiKey.findUniqueOrThrow({ where: { id: key.id } });
  assert.ok(stored.hash !== null && !JSON.stringify(events).includes(secret.slice(12)) && !JSON.stringify(events).includes(stored.hash));
  assert.deepEqual(await revokeApiKey({ keyId: key.id, actor: CLI_ACTOR }).then((result) => result.changed), false);
});
