import assert from "node:assert/strict";
import { test } from "node:test";
import { parseUsageDashboardParams } from "@/lib/console/usage/usage-dashboard-params";

const USER = "7f1c2b9e-2c4d-4f7a-9a51-3d1b2c4e5f60";

test("parseUsageDashboardParams: reads range and user, defaulting to 24 h and nobody", () => {
  const cases = [
    { name: "nothing", params: {}, expected: { range: "24h", requestedUserId: null, ignored: [] } },
    { name: "every range", params: { range: "30d" }, expected: { range: "30d", requestedUserId: null, ignored: [] } },
    { name: "a user", params: { range: "1h", user: USER }, expected: { range: "1h", requestedUserId: USER, ignored: [] } },
    { name: "an empty form field is absent", params: { range: "7d", user: "" }, expected: { range: "7d", requestedUserId: null, ignored: [] } },
    { name: "a repeated param counts once", params: { range: ["1h", "30d"] }, expected: { range: "1h", requestedUserId: null, ignored: [] } },
    { name: "an unknown range falls back, named", params: { range: "forever" }, expected: { range: "24h", requestedUserId: null, ignored: ["range"] } },
    { name: "a non-uuid user is ignored, named", params: { user: "admin' OR 1=1" }, expected: { range: "24h", requestedUserId: null, ignored: ["user"] } },
    { name: "unknown params are not looked at", params: { cursor: "12", theme: "dark" }, expected: { range: "24h", requestedUserId: null, ignored: [] } },
  ] as const;
  for (const { name, params, expected } of cases) {
    assert.deepEqual(parseUsageDashboardParams(params as Record<string, string | string[]>), expected, name);
  }
});
