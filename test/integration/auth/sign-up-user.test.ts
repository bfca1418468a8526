import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SIGN_UP_CLOSED_MESSAGE } from "@/lib/auth/decide-sign-up-role";
import { getSignUpPolicy } from "@/lib/auth/get-sign-up-policy";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { getPrisma } from "@/lib/db/prisma";
import { toErrorReply } from "@/lib/errors/to-error-envelope";
import { useGovernanceDatabase } from "@/test/integration/governance/use-governance-database";

// SWITCHBOARD_ALLOW_SIGNUP is unset here (default false): only the first account may sign up.
useGovernanceDatabase();

const envelopeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail("expected a HubError"),
    (error: unknown) => toErrorReply(error),
  );

describe("signUpUser (sign-up closed)", () => {
  it("refuses bad input with validation_failed before touching the database", async () => {
    const cases = [
      { input: { email: "not-an-email", password: "long enough password" }, message: "Enter a valid email address" },
      { input: { email: "a@example.com", password: "short" }, message: "Use at least 12 characters" },
      { input: {}, message: /./ },
    ];
    for (const { input, message } of cases) {
      const reply = await envelopeOf(signUpUser(input));
      assert.equal(reply.status, 422);
      assert.equal(reply.body.error.code, "validation_failed");
      if (typeof message === "string") assert.equal(reply.body.error.message, message);
    }
    assert.equal(await getPrisma().user.count(), 0);
  });

  it("refuses a guessable password to the first person on an empty hub, saying why, and creates nobody", async () => {
    const users = await getPrisma().user.count();
    const reply = await envelopeOf(signUpUser({ email: "guessable@example.com", password: "aaaaaaaaaaaa" }));
    assert.deepEqual([reply.status, reply.body], [422, { error: { code: "validation_failed", message: 'Password is too easy to guess: Repeated characters like "aaa" are easy to guess. Add more words that are less common.' } }]);
    assert.equal(await getPrisma().user.count(), users);
  });

  it("makes exactly one admin when two people sign up at once on an empty hub; the other is refused", async () => {
    assert.deepEqual(await getSignUpPolicy(), { ok: true, role: "admin" });
    const results = await Promise.allSettled([
      signUpUser({ email: "first@example.com", password: "first long password" }),
      signUpUser({ email: "second@example.com", password: "second long password" }),
    ]);
    const created = results.filter((result) => result.status === "fulfilled").map((result) => result.value);
    const refused = results.filter((result) => result.status === "rejected").map((result) => toErrorReply(result.reason));
    assert.equal(created.length, 1);
    assert.equal(created[0].role, "admin");
    assert.deepEqual(refused.map((reply) => [reply.status, reply.body]), [[403, { error: { code: "forbidden", message: SIGN_UP_CLOSED_MESSAGE } }]]);
    assert.deepEqual(await getSignUpPolicy(), { ok: false, message: SIGN_UP_CLOSED_MESSAGE });
  });

  it("stores a scrypt hash, never the password, and lower-cases the email", async () => {
    const users = await getPrisma().user.findMany({ select: { email: true, passwordHash: true } });
    assert.equal(users.length, 1);
    assert.match(users[0].passwordHash ?? "", /^scrypt\$32768\$8\$1\$/);
    assert.doesNotMatch(users[0].passwordHash ?? "", /long password/);
  });
});
