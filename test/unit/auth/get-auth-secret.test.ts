import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";

const freshDataDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), "sb-auth-secret-")), "data");

describe("getAuthSecret", () => {
  it("prefers AUTH_SECRET and writes nothing", () => {
    const dataDir = freshDataDir();
    assert.equal(getAuthSecret({ AUTH_SECRET: "x".repeat(40), dataDir }), "x".repeat(40));
    assert.throws(() => statSync(path.join(dataDir, "auth-secret")), { code: "ENOENT" });
  });

  it("generates a long secret once into <dataDir>/auth-secret with mode 0600, then reuses it", () => {
    const dataDir = freshDataDir();
    const first = getAuthSecret({ AUTH_SECRET: undefined, dataDir });
    assert.ok(first.length >= 32);
    const file = path.join(dataDir, "auth-secret");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, "utf8"), first);
    assert.equal(getAuthSecret({ AUTH_SECRET: undefined, dataDir }), first);
  });

  it("tightens a secret file that became readable by others", () => {
    const dataDir = freshDataDir();
    const secret = getAuthSecret({ AUTH_SECRET: undefined, dataDir });
    const file = path.join(dataDir, "auth-secret");
    chmodSync(file, 0o644);
    assert.equal(getAuthSecret({ AUTH_SECRET: undefined, dataDir }), secret);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it("refuses a secret file that is too short, naming the file and the fix", () => {
    const dataDir = freshDataDir();
    getAuthSecret({ AUTH_SECRET: undefined, dataDir });
    writeFileSync(path.join(dataDir, "auth-secret"), "short");
    assert.throws(() => getAuthSecret({ AUTH_SECRET: undefined, dataDir }), /auth-secret holds a secret shorter than 32 characters: delete it/);
  });
});
