import assert from "node:assert/strict";
import { test } from "node:test";
import { verifyPassword } from "@/lib/auth/verify-password";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/prisma";
import { subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { listUsers } from "@/lib/users/list-users";
import { setUserRole } from "@/lib/users/set-user-role";
import { useTestDatabase } from "@/test/helpers/use-test-database";

useTestDatabase();

// Each top-level test starts with no users (not beforeEach: that would also run before subtests).
async function resetUsers(): Promise<void> {
  await getPrisma().user.deleteMany();
}

test("the first user becomes admin whatever the requested role; later ones get the role asked", async () => {
  await resetUsers();
  const first = await createUser({ email: "  First@Example.COM ", password: "twelve-chars!", role: "member" });
  assert.equal(first.email, "first@example.com");
  assert.equal(first.role, "admin");
  assert.equal(first.hasPassword, true);
  assert.equal("passwordHash" in first, false);
  const second = await createUser({ email: "second@example.com" });
  assert.equal(second.role, "member");
  const row = await getPrisma().user.findUniqueOrThrow({ where: { id: first.id } });
  assert.equal(await verifyPassword("twelve-chars!", row.passwordHash ?? ""), true);
});

test("concurrent first users: exactly one admin", async () => {
  await resetUsers();
  const users = await Promise.all([1, 2, 3, 4].map((n) => createUser({ email: `racer${n}@example.com` })));
  assert.equal(users.filter((user) => user.role === "admin").length, 1);
});

test("createUser refusals", async (t) => {
  await resetUsers();
  await createUser({ email: "taken@example.com" });
  const cases: Array<[string, Parameters<typeof createUser>[0], string, string]> = [
    ["bad email", { email: "not-an-email" }, "validation_failed", 'Invalid email address "not-an-email"'],
    ["short password", { email: "s@example.com", password: "elevenchars" }, "validation_failed", "Password must be at least 12 characters"],
    ["repeated characters", { email: "a@example.com", password: "aaaaaaaaaaaa" }, "validation_failed", 'Password is too easy to guess: Repeated characters like "aaa" are easy to guess. Add more words that are less common.'],
    ["common password", { email: "p@example.com", password: "password1234" }, "validation_failed", "Password is too easy to guess: This is similar to a commonly used password. Add more words that are less common."],
    ["taken email, other case", { email: "TAKEN@example.com" }, "conflict", "A user with email taken@example.com already exists"],
    ["unknown role", { email: "r@example.com", role: "owner" as never }, "validation_failed", 'Unknown role "owner": expected one of admin, member'],
  ];
  for (const [name, input, code, message] of cases) {
    await t.test(name, () => assert.rejects(createUser(input), { name: "HubError", code, message }));
  }
});

test("role changes and disabling are audited, publish events, and keep an enabled admin", async () => {
  await resetUsers();
  const events: HubEvent[] = [];
  const unsubscribe = subscribeHubEvents((event) => events.push(event));
  const admin = await createUser({ email: "admin@example.com" });
  const member = await createUser({ email: "member@example.com" });
  await assert.rejects(setUserRole({ userId: admin.id, role: "member", actor: CLI_ACTOR }), {
    code: "conflict",
    message: "This is the last enabled admin: make another user admin first",
  });
  await assert.rejects(disableUser({ userId: admin.id, actor: CLI_ACTOR }), { code: "conflict" });
  assert.equal((await setUserRole({ userId: member.id, role: "admin", actor: CLI_ACTOR })).role, "admin");
  const disabled = await disableUser({ userId: admin.id, actor: CLI_ACTOR });
  assert.ok(disabled.disabledAt instanceof Date);
  unsubscribe();
  assert.deepEqual(events, [{ type: "permissions_changed" }, { type: "user_disabled", userId: admin.id }]);
  const actions = await getPrisma().auditEvent.findMany({ where: { targetType: "user" }, orderBy: { id: "asc" }, select: { action: true, targetId: true } });
  assert.deepEqual(actions.slice(-2), [
    { action: "user.set_role", targetId: member.id },
    { action: "user.disable", targetId: admin.id },
  ]);
  assert.deepEqual((await listUsers()).map((user) => [user.email, user.role, user.disabledAt !== null]), [
    ["admin@example.com", "admin", true],
    ["member@example.com", "admin", false],
  ]);
});
