import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/policies";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { createClientIpSource } from "@/test/helpers/fresh-client-ip";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

const PASSWORD = "correct horse battery staple";
// Each case from its own address, so failures in one case never throttle another.
const freshIp = createClientIpSource();

useGovernanceDatabase(async () => {
  await createUser({ email: "ada@example.com", password: PASSWORD, role: "admin" });
  await createUser({ email: "sso-only@example.com" });
  const disabled = await createUser({ email: "gone@example.com", password: PASSWORD });
  await disableUser({ userId: disabled.id, actor: CLI_ACTOR });
});

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe("authorizeCredentials", () => {
  it("signs in with the right email (any case) and password", async () => {
    const user = await authorizeCredentials({ email: "  ADA@Example.com ", password: PASSWORD }, freshIp());
    assert.deepEqual(user && { email: user.email, role: user.role }, { email: "ada@example.com", role: "admin" });
  });

  const refusals = [
    { name: "a wrong password", credentials: { email: "ada@example.com", password: "wrong password here" } },
    { name: "an unknown email", credentials: { email: "nobody@example.com", password: PASSWORD } },
    { name: "a user without a password (SSO only)", credentials: { email: "sso-only@example.com", password: PASSWORD } },
    { name: "a disabled user with the right password", credentials: { email: "gone@example.com", password: PASSWORD } },
    { name: "a malformed email", credentials: { email: "not-an-email", password: PASSWORD } },
    { name: "no credentials at all", credentials: undefined },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with the same answer (null)`, async () => {
      assert.equal(await authorizeCredentials(refusal.credentials, freshIp()), null);
    });
  }

  it("takes about as long for an unknown email as for a wrong password (no account enumeration by timing)", async () => {
    const samples = async (email: string) => {
      const times: number[] = [];
      for (let round = 0; round < 5; round += 1) times.push(await timeMs(() => authorizeCredentials({ email, password: "wrong password here" }, freshIp())));
      return times.sort((a, b) => a - b)[2];
    };
    const [known, unknown] = [await samples("ada@example.com"), await samples("nobody@example.com")];
    // Both run one scrypt; without the dummy hash the unknown email would answer ~100x faster.
    assert.ok(unknown > known * 0.4, `unknown email answered in ${unknown.toFixed(1)} ms vs ${known.toFixed(1)} ms for a wrong password`);
  });

  it("throttles an address after too many failures, even for the right password, and says when to retry", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < RATE_LIMIT_POLICIES.authFailures.limit; attempt += 1) {
      assert.equal(await authorizeCredentials({ email: "ada@example.com", password: "wrong password here" }, ip), null);
    }
    const refusal = await authorizeCredentials({ email: "ada@example.com", password: PASSWORD }, ip).then(
      () => assert.fail("expected rate_limited"),
      (error: unknown) => toErrorReply(error),
    );
    assert.equal(refusal.status, 429);
    assert.equal(refusal.body.error.code, "rate_limited");
    assert.match(refusal.body.error.message, /^Too many failed authentication attempts; retry in \d+ s$/);
    assert.ok(Number(refusal.headers["Retry-After"]) > 0);
    assert.ok(await authorizeCredentials({ email: "ada@example.com", password: PASSWORD }, freshIp()), "other addresses are unaffected");
  });
});
