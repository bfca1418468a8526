import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    assert.equal(env.PORT, 3000);
    assert.equal(env.dataDir, path.resolve(".switchboard"));
    assert.equal(env.workspaceRoot, path.resolve(".switchboard/workspace"));
    assert.equal(env.publicUrl, "http://localhost:3000");
    assert.equal(env.SWITCHBOARD_ALLOW_SIGNUP, false);
    assert.equal(env.SWITCHBOARD_RATE_LIMIT_FAILURE_MODE, "open");
    assert.equal(env.DATABASE_URL, undefined);
  });

  it("treats empty strings as unset and trims the public URL's trailing slash", () => {
    const env = parseEnv({ DATABASE_URL: "", SWITCHBOARD_PUBLIC_URL: "https://mcp.example.com/", PORT: "8080" });
    assert.equal(env.DATABASE_URL, undefined);
    assert.equal(env.publicUrl, "https://mcp.example.com");
    assert.equal(env.PORT, 8080);
  });

  const invalid: Array<[string, Record<string, string>, RegExp]> = [
    ["non-numeric port", { PORT: "http" }, /^Invalid setting PORT: .*Expected: HTTP port/],
    ["port out of range", { PORT: "70000" }, /^Invalid setting PORT/],
    ["database URL that is not a URL", { DATABASE_URL: "localhost:5432" }, /^Invalid setting DATABASE_URL: .*Expected: External Postgres/],
    ["Redis URL with the wrong scheme", { REDIS_URL: "http://127.0.0.1:6379" }, /^Invalid setting REDIS_URL: must be a URL like redis:/],
    ["unknown failure mode", { SWITCHBOARD_RATE_LIMIT_FAILURE_MODE: "maybe" }, /^Invalid setting SWITCHBOARD_RATE_LIMIT_FAILURE_MODE/],
    ["short auth secret", { AUTH_SECRET: "short" }, /^Invalid setting AUTH_SECRET: .*at least 32 characters/],
    ["sign-up flag that is not a boolean", { SWITCHBOARD_ALLOW_SIGNUP: "sure" }, /^Invalid setting SWITCHBOARD_ALLOW_SIGNUP/],
    ["GitHub id without secret", { GITHUB_ID: "abc" }, /^Invalid setting GITHUB_ID\/GITHUB_SECRET: set both/],
    ["OIDC issuer without client", { OIDC_ISSUER: "https://id.example.com" }, /^Invalid setting OIDC_ISSUER: also set OIDC_CLIENT_ID/],
    ["Upstash URL without token", { UPSTASH_REDIS_REST_URL: "https://x.upstash.io" }, /^Invalid setting UPSTASH_REDIS_REST_URL/],
    ["instance id with a dot", { SWITCHBOARD_INSTANCE_ID: "a.b" }, /^Invalid setting SWITCHBOARD_INSTANCE_ID/],
  ];
  for (const [name, settings, message] of invalid) {
    it(`refuses ${name} with a message naming the variable`, () => {
      assert.throws(() => parseEnv(settings), (error: unknown) => error instanceof EnvError && message.test(error.message));
    });
  }
});
