import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";

describe("resolveClientIp", () => {
  const cases: Array<[string, Parameters<typeof resolveClientIp>[0], string]> = [
    ["ignores a forged header without a trusted proxy", { remoteAddress: "203.0.113.9", forwardedFor: "10.0.0.1", trustProxy: false }, "203.0.113.9"],
    ["takes the nearest proxy's entry behind a trusted proxy", { remoteAddress: "10.0.0.2", forwardedFor: "1.1.1.1, 198.51.100.7", trustProxy: true }, "198.51.100.7"],
    ["joins repeated headers before picking the last entry", { remoteAddress: "10.0.0.2", forwardedFor: ["1.1.1.1", "198.51.100.8"], trustProxy: true }, "198.51.100.8"],
    ["falls back to the socket when a trusted proxy sent no header", { remoteAddress: "10.0.0.2", forwardedFor: undefined, trustProxy: true }, "10.0.0.2"],
    ["says unknown when there is nothing", { remoteAddress: undefined, forwardedFor: undefined, trustProxy: false }, "unknown"],
  ];
  for (const [name, request, expected] of cases) {
    it(name, () => assert.equal(resolveClientIp(request), expected));
  }
});
