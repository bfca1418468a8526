import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { redactConfiguredValues } from "@/lib/upstream-connections/redact-configured-values";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";

const config = (headers: Record<string, string>, env: Record<string, string> = {}): UpstreamConfig => ({
  id: "00000000-0000-0000-0000-000000000000",
  name: "gh",
  transport: "http",
  command: null,
  args: [],
  cwd: null,
  url: "https://h/mcp",
  env,
  headers,
  timeoutMs: 60_000,
  maxConcurrency: 64,
});

describe("redacting configured values out of error text", () => {
  test("a whole value, also inside longer text", () => {
    const redacted = redactConfiguredValues("HTTP 401: header was Bearer abcdefgh12345678, and key=sk-live-99887766.", config({ Authorization: "Bearer abcdefgh12345678" }, { KEY: "sk-live-99887766" }));
    assert.equal(redacted, "HTTP 401: header was [secret], and key=[secret].");
  });

  test("the credential of an auth-scheme value on its own: a 401 page echoing just the token", () => {
    assert.equal(redactConfiguredValues("Error POSTing to endpoint (HTTP 401): invalid token abcdefgh12345678", config({ Authorization: "Bearer abcdefgh12345678" })), "Error POSTing to endpoint (HTTP 401): invalid token [secret]");
    assert.equal(redactConfiguredValues("credential ghp_0123456789 rejected", config({ Authorization: "token ghp_0123456789" })), "credential [secret] rejected");
  });

  test("Basic: the encoded pair, the pair and the password", () => {
    const encoded = Buffer.from("deploy:hunter2-long-pass").toString("base64");
    const redacted = redactConfiguredValues(`bad credentials ${encoded} (deploy:hunter2-long-pass); password hunter2-long-pass`, config({ Authorization: `Basic ${encoded}` }));
    assert.equal(redacted, "bad credentials [secret] ([secret]); password [secret]");
  });

  test("short parts and values stay (they would blank ordinary words)", () => {
    assert.equal(redactConfiguredValues("token abc is invalid; mode abc", config({ Authorization: "Bearer abc" })), "token abc is invalid; mode abc");
    assert.equal(redactConfiguredValues("a long sentence with words", config({}, { GREETING: "hello there world" })), "a long sentence with words");
  });
});
