import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPasswordStrength } from "@/lib/auth/check-password-strength";

// The penetration test's two: both pass a 12-character rule.
const refused = [
  { password: "aaaaaaaaaaaa", reason: /^Password is too easy to guess: Repeated characters like "aaa" are easy to guess\. / },
  { password: "password1234", reason: /^Password is too easy to guess: This is similar to a commonly used password\. / },
  { password: "qwertyuiop12", reason: /^Password is too easy to guess: / },
  { password: "switchboard2026", reason: /^Password is too easy to guess: / },
] as const;

for (const { password, reason } of refused) {
  test(`refused, saying why: ${password}`, () => {
    const result = checkPasswordStrength(password);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.message, reason);
  });
}

test("the user's own email is a known word", () => {
  const result = checkPasswordStrength("zorblaxquint7", ["zorblaxquint7@example.com"]);
  assert.equal(result.ok, false);
  assert.equal(checkPasswordStrength("zorblaxquint7").ok, true, "strong without the email");
});

for (const password of ["plover-quasar-turnip-9", "correct horse battery staple", "a long passphrase"]) {
  test(`accepted: ${password}`, () => assert.deepEqual(checkPasswordStrength(password), { ok: true }));
}
