import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLI_ACTOR, type Actor } from "@/lib/audit/record-audit-event";
import { acceptInvite } from "@/lib/console/admin/accept-invite";
import { createInvite } from "@/lib/console/admin/create-invite";
import { findUsableInvite } from "@/lib/console/admin/find-usable-invite";
import { INVITE_REFUSED_MESSAGE } from "@/lib/console/admin/invite-lifetime";
import { listPendingInvites } from "@/lib/console/admin/list-pending-invites";
import { revokeInvite } from "@/lib/console/admin/revoke-invite";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

let admin: Actor;
let secondAdmin: Actor;
useGovernanceDatabase(async () => {
  const first = await createUser({ email: "invite-admin@example.com", password: "invite admin passphrase" });
  const second = await createUser({ email: "second-admin@example.com", password: "second admin passphrase", role: "admin" });
  admin = { userId: first.id, label: first.email };
  secondAdmin = { userId: second.id, label: second.email };
});

const refusedLink = (error: unknown) => error instanceof HubError && error.code === "not_found" && error.message === INVITE_REFUSED_MESSAGE;
const PASSWORD = "invitee chose this passphrase";

describe("invitations", () => {
  it("refuse a guessable password, saying why, and stay usable", async () => {
    const { token } = await createInvite({ email: "weak@example.com", role: "member", actor: admin });
    await assert.rejects(acceptInvite({ token, password: "password1234" }), {
      code: "validation_failed",
      message: "Password is too easy to guess: This is similar to a commonly used password. Add more words that are less common.",
    });
    const user = await acceptInvite({ token, password: PASSWORD });
    assert.equal(user.email, "weak@example.com");
  });

  it("work once", async () => {
    const { token } = await createInvite({ email: "once@example.com", role: "member", actor: admin });
    const user = await acceptInvite({ token, password: PASSWORD });
    assert.equal(user.email, "once@example.com");
    await assert.rejects(acceptInvite({ token, password: PASSWORD }), refusedLink);
  });

  it("stop working when withdrawn, which is audited and leaves the open list", async () => {
    const { token } = await createInvite({ email: "withdrawn@example.com", role: "admin", actor: admin });
    const invite = (await listPendingInvites()).find((pending) => pending.email === "withdrawn@example.com");
    assert.ok(invite);
    assert.deepEqual(await revokeInvite({ inviteId: invite.id, actor: admin }), { email: "withdrawn@example.com" });
    assert.equal((await findUsableInvite(token)).ok, false);
    await assert.rejects(acceptInvite({ token, password: PASSWORD }), refusedLink);
    assert.equal((await listPendingInvites()).some((pending) => pending.email === "withdrawn@example.com"), false);
    assert.equal(await getPrisma().auditEvent.count({ where: { action: "invite.revoke", targetId: invite.id } }), 1);
    await assert.rejects(revokeInvite({ inviteId: invite.id, actor: admin }), (error: unknown) => error instanceof HubError && error.code === "not_found");
  });

  it("stop working when the admin who created them is disabled", async () => {
    const { token } = await createInvite({ email: "orphan@example.com", role: "admin", actor: secondAdmin });
    assert.equal((await findUsableInvite(token)).ok, true);
    await disableUser({ userId: secondAdmin.userId!, actor: CLI_ACTOR });
    await assert.rejects(acceptInvite({ token, password: PASSWORD }), refusedLink);
    assert.equal(await getPrisma().user.count({ where: { email: "orphan@example.com" } }), 0);
  });
});
