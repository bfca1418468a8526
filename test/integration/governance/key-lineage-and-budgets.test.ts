// The penetration test's key attacks against the real services and database: minting without
// end (a live-key cap per user, a mint rate limit), children of a limited key getting fresh
// budgets (they share their parent's), a member's keys each getting the role's budget (one
// budget per user), and a child key outliving its revoked parent (revoked with it, audited).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { mintCallerKey } from "@/lib/api/mint-caller-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { resolvePrincipal } from "@/lib/api-keys/resolve-principal";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { mintConsoleKey } from "@/lib/console/mint-console-key";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { setRoleRateLimitPolicy } from "@/lib/rate-limit/set-role-rate-limit-policy";
import { createUser } from "@/lib/users/create-user";
import { setUserMaxLiveKeys } from "@/lib/users/set-user-max-live-keys";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

useGovernanceDatabase();

const PASSWORD = "plover-quasar-turnip-9";
const newUser = async () => createUser({ email: `${randomUUID()}@example.com`, password: PASSWORD, role: "member" });
const consoleUser = (user: { id: string; email: string; role: "admin" | "member" }) => ({ id: user.id, email: user.email, name: null, role: user.role });
const form = (name: string) => ({ name, lifetime: "never" as const, tools: [] });

async function keyCaller(secret: string) {
  const principal = await resolvePrincipal(secret);
  return { userId: principal.userId, email: principal.email, role: principal.role, via: "key" as const, principal };
}

describe("live keys per user", () => {
  it("stop at 25; revoked keys do not count; an admin can raise one user's cap", async () => {
    const user = await newUser();
    const keys = [];
    for (let index = 0; index < 25; index++) keys.push(await createApiKey({ userId: user.id, name: `k${index}` }));
    await assert.rejects(createApiKey({ userId: user.id, name: "one too many" }), {
      code: "conflict",
      message: `${user.email} already has 25 live API keys (the most allowed is 25; apps you authorized count as keys): revoke keys or apps you no longer use, or ask an admin to raise the limit.`,
    });
    await revokeApiKey({ keyId: keys[0].key.id, actor: CLI_ACTOR });
    await createApiKey({ userId: user.id, name: "after a revocation" });
    await setUserMaxLiveKeys({ userId: user.id, maxLiveKeys: 27, actor: CLI_ACTOR });
    await createApiKey({ userId: user.id, name: "raised 1" });
    await createApiKey({ userId: user.id, name: "raised 2" });
    await assert.rejects(createApiKey({ userId: user.id, name: "past the raised cap" }), { code: "conflict" });
    assert.equal(await getPrisma().apiKey.count({ where: { userId: user.id, revokedAt: null } }), 27);
  });

  it("hold under parallel mints (the count is taken under a per-user lock)", async () => {
    const user = await newUser();
    await setUserMaxLiveKeys({ userId: user.id, maxLiveKeys: 3, actor: CLI_ACTOR });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => createApiKey({ userId: user.id, name: `p${index}` })));
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 3);
  });
});

describe("minting", () => {
  it("is rate limited per user in the console (and so for cookie-authenticated API calls): 20 per 10 minutes, then 429", async () => {
    const user = await newUser();
    await setUserMaxLiveKeys({ userId: user.id, maxLiveKeys: 100, actor: CLI_ACTOR });
    for (let index = 0; index < 20; index++) await mintConsoleKey(consoleUser(user), form(`m${index}`));
    const refused = await mintConsoleKey(consoleUser(user), form("m20")).then(
      () => assert.fail("the 21st mint was allowed"),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof HubError && refused.code === "rate_limited", String(refused));
    assert.match(refused.message, /^Too many new keys: at most 20 per 10 minutes\. Retry in \d+ s\.$/);
    assert.ok(Number(refused.headers["Retry-After"]) >= 1);
  });
});

describe("key lineage", () => {
  it("records the parent, names it in the audit log and the list, and revoking a parent revokes its whole line", async () => {
    const user = await newUser();
    const root = await createApiKey({ userId: user.id, name: "root", rateLimitPolicy: "3/1m" });
    const child = await mintCallerKey(await keyCaller(root.secret), form("child"));
    const grandchild = await mintCallerKey(await keyCaller(child.secret), form("grandchild"));
    const sibling = await createApiKey({ userId: user.id, name: "unrelated" });
    assert.equal(child.key.parentKeyId, root.key.id);
    assert.equal(grandchild.key.parentKeyId, child.key.id);
    assert.equal(grandchild.key.rootKeyId, root.key.id);
    assert.equal(grandchild.key.rateLimitPolicy, "3/1m");

    const listed = new Map((await listApiKeys(user.id)).map((key) => [key.id, key.parentKeyId]));
    assert.deepEqual([listed.get(root.key.id), listed.get(child.key.id), listed.get(grandchild.key.id)], [null, root.key.id, child.key.id]);
    const created = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "api_key.create", targetId: grandchild.key.id } });
    assert.equal((created.after as { mintedByKey: string }).mintedByKey, child.key.prefix);

    const events: HubEvent[] = [];
    const unsubscribe = subscribeHubEvents((event) => events.push(event));
    try {
      const revoked = await revokeApiKey({ keyId: root.key.id, ownerId: user.id, actor: { userId: user.id, label: user.email } });
      assert.deepEqual([revoked.changed, revoked.descendantsRevoked], [true, 2]);
    } finally {
      unsubscribe();
    }
    // key_revoked for each: live sessions and cached principals of the whole line go at once.
    assert.deepEqual(events.filter((event) => event.type === "key_revoked").map((event) => (event as { keyId: string }).keyId).sort(), [root.key.id, child.key.id, grandchild.key.id].sort());
    for (const secret of [root.secret, child.secret, grandchild.secret]) await assert.rejects(resolvePrincipal(secret), { code: "unauthorized" });
    await resolvePrincipal(sibling.secret);
    const revokedWith = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "api_key.revoke", targetId: grandchild.key.id } });
    assert.equal((revokedWith.after as { revokedWithParent: string }).revokedWithParent, child.key.prefix);
    // A revoked key mints nothing.
    await assert.rejects(createApiKey({ userId: user.id, name: "orphan", parentKeyId: root.key.id }), { code: "forbidden" });
  });
});

describe("rate budgets", () => {
  it("a key minted by a 3/1m key shares its parent's 3 calls a minute", async () => {
    const user = await newUser();
    const parent = await createApiKey({ userId: user.id, name: "limited", rateLimitPolicy: "3/1m" });
    const child = await mintCallerKey(await keyCaller(parent.secret), form("child"));
    const parentPrincipal = await resolvePrincipal(parent.secret);
    const childPrincipal = await resolvePrincipal(child.secret);
    const allowed = [];
    for (const principal of [parentPrincipal, childPrincipal, parentPrincipal, childPrincipal, childPrincipal]) allowed.push((await checkRateLimit(principal)).allowed);
    assert.deepEqual(allowed, [true, true, true, false, false]);
  });

  it("a member's keys on the role policy share one budget: more keys buy no more calls", async () => {
    await setRoleRateLimitPolicy({ role: "member", policy: "4/1m", actor: CLI_ACTOR });
    try {
      const user = await newUser();
      const principals = [];
      for (let index = 0; index < 3; index++) principals.push(await resolvePrincipal((await createApiKey({ userId: user.id, name: `laptop ${index}` })).secret));
      const allowed = [];
      for (let round = 0; round < 2; round++) for (const principal of principals) allowed.push((await checkRateLimit(principal)).allowed);
      assert.deepEqual(allowed, [true, true, true, true, false, false]);
      // Another member keeps their own budget.
      const other = await newUser();
      assert.equal((await checkRateLimit(await resolvePrincipal((await createApiKey({ userId: other.id, name: "theirs" })).secret))).allowed, true);
    } finally {
      await setRoleRateLimitPolicy({ role: "member", policy: null, actor: CLI_ACTOR });
    }
  });
});
