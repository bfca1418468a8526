import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveUsageScope } from "@/lib/console/usage/resolve-usage-scope";

const ADMIN = { id: "a0000000-0000-4000-8000-000000000001", role: "admin" as const };
const MEMBER = { id: "b0000000-0000-4000-8000-000000000002", role: "member" as const };
const SOMEONE = "c0000000-0000-4000-8000-000000000003";

test("resolveUsageScope: admins see everyone or the user they pick; members only themselves", () => {
  const cases = [
    { viewer: ADMIN, requested: null, expected: { userId: null, canSeeEveryone: true, notice: null } },
    { viewer: ADMIN, requested: SOMEONE, expected: { userId: SOMEONE, canSeeEveryone: true, notice: null } },
    { viewer: ADMIN, requested: ADMIN.id, expected: { userId: ADMIN.id, canSeeEveryone: true, notice: null } },
    { viewer: MEMBER, requested: null, expected: { userId: MEMBER.id, canSeeEveryone: false, notice: null } },
    { viewer: MEMBER, requested: MEMBER.id, expected: { userId: MEMBER.id, canSeeEveryone: false, notice: null } },
    {
      viewer: MEMBER,
      requested: SOMEONE,
      expected: { userId: MEMBER.id, canSeeEveryone: false, notice: "Members can only see their own usage: showing yours." },
    },
  ];
  for (const { viewer, requested, expected } of cases) assert.deepEqual(resolveUsageScope(viewer, requested), expected, `${viewer.role} asks for ${requested}`);
});
