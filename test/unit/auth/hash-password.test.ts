import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hashPassword } from "@/lib/auth/hash-password";
import { verifyPassword } from "@/lib/auth/verify-password";

describe("hashPassword / verifyPassword", () => {
  it("writes scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1 and a 16-byte salt", async () => {
    const hash = await hashPassword("correct horse battery staple");
    const [scheme, cost, blockSize, parallelization, salt, key] = hash.split("$");
    assert.deepEqual([scheme, cost, blockSize, parallelization], ["scrypt", "32768", "8", "1"]);
    assert.equal(Buffer.from(salt, "base64").length, 16);
    assert.equal(Buffer.from(key, "base64").length, 32);
  });

  it("salts: the same password hashes differently each time, and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    assert.notEqual(first, second);
    assert.equal(await verifyPassword("same password", first), true);
    assert.equal(await verifyPassword("same password", second), true);
  });

  it("accepts the same password in another Unicode normal form", async () => {
    const hash = await hashPassword("caf\u00e9 au lait!");
    assert.equal(await verifyPassword("cafe\u0301 au lait!", hash), true);
  });

  const refusals: Array<{ name: string; password: string; hash: (good: string) => string }> = [
    { name: "a wrong password", password: "wrong", hash: (good) => good },
    { name: "an empty password", password: "", hash: (good) => good },
    { name: "a tampered hash", password: "right", hash: (good) => good.slice(0, -4) + (good.endsWith("AAA=") ? "BBB=" : "AAA=") },
    { name: "another scheme", password: "right", hash: (good) => good.replace(/^scrypt/, "bcrypt") },
    { name: "a cost that is not a power of two", password: "right", hash: (good) => good.replace("$32768$", "$30000$") },
    { name: "a cost above the limit (DoS guard)", password: "right", hash: (good) => good.replace("$32768$", `$${2 ** 22}$`) },
    { name: "a truncated key", password: "right", hash: (good) => good.replace(/\$[^$]+$/, "$AAAA") },
    { name: "garbage", password: "right", hash: () => "not a hash" },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} without throwing`, async () => {
      const good = await hashPassword("right");
      assert.equal(await verifyPassword(refusal.password, refusal.hash(good)), false);
    });
  }
});
