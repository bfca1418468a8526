import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeKeyStatus } from "@/lib/console/describe-key-status";

const NOW = new Date("2026-11-24T12:00:00Z");
const BEFORE = new Date("2026-11-24T11:59:59Z");
const AFTER = new Date("2026-11-24T12:00:01Z");

describe("describeKeyStatus", () => {
  const cases = [
    { key: { revokedAt: null, expiresAt: null }, expected: "active" },
    { key: { revokedAt: null, expiresAt: AFTER }, expected: "active" },
    { key: { revokedAt: null, expiresAt: NOW }, expected: "expired" },
    { key: { revokedAt: null, expiresAt: BEFORE }, expected: "expired" },
    { key: { revokedAt: BEFORE, expiresAt: null }, expected: "revoked" },
    { key: { revokedAt: BEFORE, expiresAt: BEFORE }, expected: "revoked" },
  ] as const;
  for (const { key, expected } of cases) {
    it(`${JSON.stringify(key)} → ${expected}`, () => assert.equal(describeKeyStatus(key, NOW), expected));
  }
});
