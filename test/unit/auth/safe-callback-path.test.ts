import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeCallbackPath } from "@/lib/console/safe-callback-path";

describe("safeCallbackPath", () => {
  const cases: Array<[string | string[] | undefined, string]> = [
    [undefined, "/keys"],
    ["", "/keys"],
    ["/usage", "/usage"],
    ["/admin?tab=audit", "/admin?tab=audit"],
    [["/tools", "/usage"], "/tools"],
    ["https://evil.example/keys", "/keys"],
    ["//evil.example/keys", "/keys"],
    ["/\\evil.example", "/keys"],
    ["javascript:alert(1)", "/keys"],
    ["/\t/evil.example", "/keys"],
    ["/\n/evil.example", "/keys"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/usage#calls", "/usage#calls"],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(safeCallbackPath(input), expected));
  }
});
