import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decideSignUpRole, SIGN_UP_CLOSED_MESSAGE } from "@/lib/auth/decide-sign-up-role";

describe("decideSignUpRole", () => {
  const cases = [
    { facts: { existingUsers: 0, allowSignup: false }, expected: { ok: true, role: "admin" } },
    { facts: { existingUsers: 0, allowSignup: true }, expected: { ok: true, role: "admin" } },
    { facts: { existingUsers: 1, allowSignup: true }, expected: { ok: true, role: "member" } },
    { facts: { existingUsers: 1, allowSignup: false }, expected: { ok: false, message: SIGN_UP_CLOSED_MESSAGE } },
    { facts: { existingUsers: 5, allowSignup: false, viaOrganisationIdp: true }, expected: { ok: true, role: "member" } },
    { facts: { existingUsers: 5, allowSignup: false, viaOrganisationIdp: false }, expected: { ok: false, message: SIGN_UP_CLOSED_MESSAGE } },
  ] as const;
  for (const { facts, expected } of cases) {
    it(`${JSON.stringify(facts)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(decideSignUpRole(facts), expected);
    });
  }
});
