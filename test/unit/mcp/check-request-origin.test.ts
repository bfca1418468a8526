import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRequestOrigin } from "@/mcp/pipeline/check-request-origin";
import { listAllowedHosts } from "@/mcp/pipeline/list-allowed-hosts";

const allowed = listAllowedHosts({ publicUrl: "https://mcp.example.com", SWITCHBOARD_ALLOWED_HOSTS: "hub.internal:8443, https://other.example.org" });

test("allowed hosts: public URL host, loopback, and the configured extras without ports", () => {
  assert.deepEqual([...allowed].sort(), ["127.0.0.1", "[::1]", "hub.internal", "localhost", "mcp.example.com", "other.example.org"]);
});

const cases: Array<{ name: string; headers: { host?: string; origin?: string }; expected: ReturnType<typeof checkRequestOrigin> }> = [
  { name: "public host with port", headers: { host: "mcp.example.com:443" }, expected: { ok: true } },
  { name: "loopback", headers: { host: "127.0.0.1:3000" }, expected: { ok: true } },
  { name: "IPv6 loopback", headers: { host: "[::1]:3000" }, expected: { ok: true } },
  { name: "host is case-insensitive", headers: { host: "LOCALHOST" }, expected: { ok: true } },
  { name: "configured extra", headers: { host: "hub.internal" }, expected: { ok: true } },
  { name: "allowed origin", headers: { host: "localhost", origin: "http://localhost:3000" }, expected: { ok: true } },
  { name: "missing host", headers: {}, expected: { ok: false, message: "Missing Host header." } },
  { name: "rebinding host", headers: { host: "evil.example:3000" }, expected: { ok: false, message: "Host evil.example:3000 is not allowed." } },
  { name: "foreign origin", headers: { host: "localhost", origin: "https://evil.example" }, expected: { ok: false, message: "Origin https://evil.example is not allowed." } },
  { name: "garbage origin", headers: { host: "localhost", origin: "null" }, expected: { ok: false, message: "Origin null is not allowed." } },
];

for (const { name, headers, expected } of cases) {
  test(`checkRequestOrigin: ${name}`, () => {
    assert.deepEqual(checkRequestOrigin(headers, allowed), expected);
  });
}
