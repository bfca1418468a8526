import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { getSecretKey } from "@/lib/secrets/get-secret-key";

describe("upstream secrets at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);

  test("round-trips, with a fresh IV each time", () => {
    const first = encryptSecret("token-123", "env:API_TOKEN", key);
    const second = encryptSecret("token-123", "env:API_TOKEN", key);
    assert.notEqual(first, second);
    assert.ok(!first.includes("token-123"));
    assert.equal(decryptSecret(first, "env:API_TOKEN", key), "token-123");
  });

  const refusals: Array<[string, (ciphertext: string) => [string, string, Buffer]]> = [
    ["another key", (ciphertext) => [ciphertext, "env:API_TOKEN", randomBytes(32)]],
    ["another field (the label is bound as associated data)", (ciphertext) => [ciphertext, "header:API_TOKEN", key]],
    ["a tampered ciphertext", (ciphertext) => [`${ciphertext.slice(0, -2)}AA`, "env:API_TOKEN", key]],
    ["an unknown format", () => ["plain", "env:API_TOKEN", key]],
  ];
  for (const [label, tamper] of refusals) {
    test(`refuses ${label} with a message naming the fix, never the value`, () => {
      const [ciphertext, field, withKey] = tamper(encryptSecret("token-123", "env:API_TOKEN", key));
      assert.throws(() => decryptSecret(ciphertext, field, withKey), (error: unknown) => {
        assert.ok(error instanceof HubError);
        assert.equal(error.code, "internal_error");
        assert.match(error.message, new RegExp(`^Cannot decrypt the stored secret ${field}: SWITCHBOARD_SECRET_KEY`));
        assert.ok(!error.message.includes("token-123"));
        return true;
      });
    });
  }

  test("the key comes from SWITCHBOARD_SECRET_KEY, else is generated once into the data folder with mode 0600", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "sb-secret-key-"));
    try {
      const generated = getSecretKey({ dataDir, SWITCHBOARD_SECRET_KEY: undefined });
      assert.equal(generated.length, 32);
      assert.deepEqual(getSecretKey({ dataDir, SWITCHBOARD_SECRET_KEY: undefined }), generated, "reused on the next start");
      assert.equal(statSync(path.join(dataDir, "secret-key")).mode & 0o777, 0o600);
      const configured = getSecretKey({ dataDir, SWITCHBOARD_SECRET_KEY: "x".repeat(40) });
      assert.notDeepEqual(configured, generated);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
