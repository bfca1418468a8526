import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveSsoUser, type SsoIdentity } from "@/lib/auth/resolve-sso-user";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

// SWITCHBOARD_ALLOW_SIGNUP is unset (false): GitHub may not create accounts, the operator's OIDC may.
let adminId = "";
useGovernanceDatabase(async () => {
  adminId = (await createUser({ email: "admin@example.com", password: "admin long password" })).id;
  const gone = await createUser({ email: "gone@example.com", password: "gone long password" });
  await disableUser({ userId: gone.id, actor: CLI_ACTOR });
});

const identity = (overrides: Partial<SsoIdentity>): SsoIdentity => ({
  provider: "github",
  providerAccountId: crypto.randomUUID(),
  email: "someone@example.com",
  emailVerified: true,
  name: "Someone",
  organisationIdp: false,
  ...overrides,
});

const accountsOf = (email: string) => getPrisma().account.count({ where: { user: { email } } });

describe("resolveSsoUser", () => {
  it("does not link an existing account when the provider has not verified the email", async () => {
    const result = await resolveSsoUser(identity({ email: "admin@example.com", emailVerified: false }));
    assert.deepEqual(result, { ok: false, reason: "unverified_email" });
    assert.equal(await accountsOf("admin@example.com"), 0);
  });

  it("links a verified email (any case) to the existing user, audits it, and signs in through the link afterwards", async () => {
    const github = identity({ email: "Admin@Example.com", providerAccountId: "gh-1" });
    const first = await resolveSsoUser(github);
    assert.deepEqual(first.ok && { id: first.user.id, role: first.user.role }, { id: adminId, role: "admin" });
    assert.equal(await accountsOf("admin@example.com"), 1);
    assert.equal(await getPrisma().auditEvent.count({ where: { action: "account.link", targetId: adminId } }), 1);
    // The provider may later report another (even unverified) email: the link decides, not the email.
    const again = await resolveSsoUser({ ...github, email: "renamed@example.com", emailVerified: false });
    assert.equal(again.ok && again.user.id, adminId);
    assert.equal(await accountsOf("admin@example.com"), 1);
  });

  const refusals = [
    { name: "a disabled user", overrides: { email: "gone@example.com" }, reason: "disabled" },
    { name: "a provider that shares no email", overrides: { email: null }, reason: "no_email" },
    { name: "a new GitHub user while sign-up is closed", overrides: { email: "stranger@example.com" }, reason: "sign_up_closed" },
  ] as const;
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}`, async () => {
      assert.deepEqual(await resolveSsoUser(identity(refusal.overrides)), { ok: false, reason: refusal.reason });
    });
  }

  it("creates a linked member for a new user of the operator's own OIDC provider, even with sign-up closed", async () => {
    const oidc = identity({ provider: "oidc", providerAccountId: "sub-42", email: "new.hire@example.com", organisationIdp: true });
    const result = await resolveSsoUser(oidc);
    assert.equal(result.ok && result.user.role, "member");
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: "new.hire@example.com" }, include: { accounts: true } });
    assert.equal(user.passwordHash, null);
    assert.deepEqual(user.accounts.map((account) => [account.provider, account.providerAccountId]), [["oidc", "sub-42"]]);
  });

  it("refuses a linked identity once its user is disabled", async () => {
    const oidc = identity({ provider: "oidc", providerAccountId: "sub-43", email: "leaver@example.com", organisationIdp: true });
    const created = await resolveSsoUser(oidc);
    assert.ok(created.ok);
    await disableUser({ userId: created.user.id, actor: CLI_ACTOR });
    assert.deepEqual(await resolveSsoUser(oidc), { ok: false, reason: "disabled" });
  });
});
