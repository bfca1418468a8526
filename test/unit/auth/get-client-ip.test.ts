import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getClientIp } from "@/lib/auth/get-client-ip";

describe("getClientIp", () => {
  const cases: Array<[string, Record<string, string | string[] | undefined> | undefined, string]> = [
    ["the address Next or the nearest proxy appended", { "x-forwarded-for": "203.0.113.9, 10.0.0.2" }, "10.0.0.2"],
    ["a single forwarded address", { "x-forwarded-for": "198.51.100.7" }, "198.51.100.7"],
    ["the last of repeated headers", { "x-forwarded-for": ["203.0.113.9", "10.0.0.3"] }, "10.0.0.3"],
    ["X-Real-IP when nothing is forwarded", { "x-real-ip": " 192.0.2.4 " }, "192.0.2.4"],
    ["unknown without either header", {}, "unknown"],
    ["unknown without headers at all", undefined, "unknown"],
  ];
  for (const [name, headers, expected] of cases) it(`uses ${name}`, () => assert.equal(getClientIp(headers), expected));
});
