// With open sign-up, an account's password may have been set by whoever registered the address
// first: linking a verified SSO identity to it must drop that password (account pre-hijack).
process.env.SWITCHBOARD_ALLOW_SIGNUP = "true";

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveSsoUser } from "@/lib/auth/resolve-sso-user";
import { getPrisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

useGovernanceDatabase(async () => {
  await createUser({ email: "first-admin@example.com", password: "first admin long password" });
  await createUser({ email: "victim@example.com", password: "attacker chose this one" });
});

describe("resolveSsoUser with open sign-up", () => {
  it("links the verified identity and clears the password someone else may have set", async () => {
    const result = await resolveSsoUser({ provider: "github", providerAccountId: "gh-victim", email: "victim@example.com", emailVerified: true, name: "Victim", organisationIdp: false });
    assert.equal(result.ok, true);
    const victim = await getPrisma().user.findUniqueOrThrow({ where: { email: "victim@example.com" }, select: { passwordHash: true } });
    assert.equal(victim.passwordHash, null);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "account.link" } });
    assert.deepEqual((audit.after as { passwordCleared?: boolean }).passwordCleared, true);
  });
});
