import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import type { Principal } from "@/lib/api-keys/principal";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { publishHubEvent } from "@/lib/events/hub-events";
import { assertAuthAttemptAllowed, noteAuthFailure } from "@/lib/rate-limit/check-auth-failure-limit";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { describeRateLimitBackend } from "@/lib/rate-limit/describe-rate-limit-backend";
import { listRateLimitPolicies } from "@/lib/rate-limit/list-rate-limit-policies";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { rateLimitHeaders } from "@/lib/rate-limit/rate-limit-headers";
import { flushRateLimitViolations, recordRateLimitViolation } from "@/lib/rate-limit/record-rate-limit-violation";
import { setRoleRateLimitPolicy } from "@/lib/rate-limit/set-role-rate-limit-policy";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

// Runs on whichever backend the environment selects: Redis when REDIS_URL is set, else in process.

function principal(overrides: Partial<Principal> = {}): Principal {
  return { userId: randomUUID(), email: "p@example.com", role: "member", keyId: randomUUID(), keyPrefix: "sb_rl", allowedTools: [], rateLimitPolicy: null, ...overrides };
}

useGovernanceDatabase();

describe(`checkRateLimit (${describeRateLimitBackend()})`, () => {
  it("applies the default policy (60/min) to a key without overrides", async () => {
    const decision = await checkRateLimit(principal({ role: "admin" }));
    assert.deepEqual(
      { ...decision, resetAt: 0 },
      { allowed: true, limit: RATE_LIMIT_POLICIES.toolCalls.limit, remaining: 59, resetAt: 0, retryAfterSeconds: 0, windowSeconds: 60 },
    );
  });

  it("applies a per-key policy and refuses past it with Retry-After", async () => {
    const p = principal({ rateLimitPolicy: "3/1m" });
    const decisions = [];
    for (let index = 0; index < 4; index += 1) decisions.push(await checkRateLimit(p));
    assert.deepEqual(decisions.map((d) => [d.allowed, d.limit, d.remaining]), [[true, 3, 2], [true, 3, 1], [true, 3, 0], [false, 3, 0]]);
    const refused = decisions[3];
    assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 60);
    const headers = rateLimitHeaders(refused);
    assert.equal(headers["RateLimit-Limit"], "3");
    assert.equal(headers["RateLimit-Remaining"], "0");
    assert.equal(headers["Retry-After"], String(refused.retryAfterSeconds));
    // Another key of the same user has its own budget.
    assert.equal((await checkRateLimit({ ...p, keyId: randomUUID() })).allowed, true);
  });

  it("applies a role override set by an admin (cached, refreshed on permissions_changed)", async () => {
    await checkRateLimit(principal());
    assert.equal(await setRoleRateLimitPolicy({ role: "member", policy: "2/1m", actor: CLI_ACTOR }), "2/1m");
    const p = principal();
    const decisions = [await checkRateLimit(p), await checkRateLimit(p), await checkRateLimit(p)];
    assert.deepEqual(decisions.map((d) => [d.allowed, d.limit]), [[true, 2], [true, 2], [false, 2]]);
    assert.equal((await checkRateLimit(principal({ rateLimitPolicy: "600/1m" }))).limit, 600, "a key's own policy wins over the role's");
    assert.equal((await checkRateLimit(principal({ role: "admin" }))).limit, 60, "other roles keep the default");
    const listed = await listRateLimitPolicies();
    assert.deepEqual(listed.roles, [{ role: "admin", policy: "60/1m", overridden: false }, { role: "member", policy: "2/1m", overridden: true }]);
    await setRoleRateLimitPolicy({ role: "member", policy: null, actor: CLI_ACTOR });
    assert.equal((await checkRateLimit(principal())).limit, 60);
    const audit = await getPrisma().auditEvent.findMany({ where: { action: "rate_limit_policy.set" }, orderBy: { id: "asc" } });
    assert.deepEqual(audit.map((e) => [e.before, e.after]), [[null, "2/1m"], ["2/1m", null]]);
  });

  it("does not read policies per call: a row changed behind its back applies after permissions_changed", async () => {
    const admin = principal({ role: "admin" });
    assert.equal((await checkRateLimit(admin)).limit, 60);
    await getPrisma().rateLimitPolicy.create({ data: { role: "admin", limit: 7, windowSeconds: 60 } });
    assert.equal((await checkRateLimit(admin)).limit, 60, "still the cached policy");
    publishHubEvent({ type: "permissions_changed" });
    assert.equal((await checkRateLimit(admin)).limit, 7);
    await getPrisma().rateLimitPolicy.delete({ where: { role: "admin" } });
    publishHubEvent({ type: "permissions_changed" });
  });

  it("refuses a malformed role policy with validation_failed", async () => {
    const error = await setRoleRateLimitPolicy({ role: "member", policy: "lots", actor: CLI_ACTOR }).then(() => null, (err: unknown) => err);
    assert.deepEqual(toErrorReply(error).body, {
      error: { code: "validation_failed", message: 'Invalid rate limit "lots": expected <calls>/<window>, e.g. 60/1m, 600/1m, 10/30s, 1000/1h' },
    });
  });
});

describe("failed-authentication limit per IP", () => {
  it("allows attempts until the IP has failed too often, then refuses with 429 and headers", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let index = 0; index < RATE_LIMIT_POLICIES.authFailures.limit; index += 1) {
      await assertAuthAttemptAllowed(ip);
      await noteAuthFailure(ip);
    }
    const error = await assertAuthAttemptAllowed(ip).then(() => null, (err: unknown) => err);
    const reply = toErrorReply(error);
    assert.equal(reply.status, 429);
    assert.equal((reply.body as { error: { code: string } }).error.code, "rate_limited");
    assert.match((reply.body as { error: { message: string } }).error.message, /^Too many failed authentication attempts; retry in \d+ s$/);
    assert.equal(reply.headers["RateLimit-Limit"], String(RATE_LIMIT_POLICIES.authFailures.limit));
    assert.equal(reply.headers["RateLimit-Remaining"], "0");
    assert.ok(Number(reply.headers["Retry-After"]) >= 1);
    await assertAuthAttemptAllowed(`${ip}-other`);
    await flushRateLimitViolations();
    const events = await getPrisma().rateLimitEvent.findMany({ where: { ip } });
    assert.deepEqual(events.map((e) => [e.kind, e.limit, e.windowSeconds]), [["auth_failure", 20, 300]]);
  });

  it("stores key violations off the hot path (batched RateLimitEvent rows)", async () => {
    const p = principal();
    const decision = { allowed: false, limit: 5, remaining: 0, resetAt: Date.now() + 1000, retryAfterSeconds: 1, windowSeconds: 60 };
    for (let index = 0; index < 3; index += 1) recordRateLimitViolation({ kind: "key", principal: p, decision });
    assert.equal(await getPrisma().rateLimitEvent.count({ where: { apiKeyId: p.keyId } }), 0, "nothing written synchronously");
    await flushRateLimitViolations();
    const rows = await getPrisma().rateLimitEvent.findMany({ where: { apiKeyId: p.keyId } });
    assert.deepEqual(rows.map((r) => [r.kind, r.userId, r.limit]), [["key", p.userId, 5], ["key", p.userId, 5], ["key", p.userId, 5]]);
  });
});
