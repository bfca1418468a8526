import assert from "node:assert/strict";
import { test } from "node:test";
import { parseUsageDashboardParams } from "@/lib/console/usage/usage-dashboard-params";

const USER = "7f1c2b9e-2c4d-4f7a-9a51-3d1b2c4e5f60";

test("parseUsageDashboardParams: reads range, user and server, defaulting to 24 h, nobody and every server", () => {
  const cases = [
    { name: "nothing", params: {}, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: [] } },
    { name: "every range", params: { range: "30d" }, expected: { range: "30d", requestedUserId: null, serverName: null, ignored: [] } },
    { name: "a user", params: { range: "1h", user: USER }, expected: { range: "1h", requestedUserId: USER, serverName: null, ignored: [] } },
    { name: "an empty form field is absent", params: { range: "7d", user: "" }, expected: { range: "7d", requestedUserId: null, serverName: null, ignored: [] } },
    { name: "a repeated param counts once", params: { range: ["1h", "30d"] }, expected: { range: "1h", requestedUserId: null, serverName: null, ignored: [] } },
    { name: "an unknown range falls back, named", params: { range: "forever" }, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: ["range"] } },
    { name: "a non-uuid user is ignored, named", params: { user: "admin' OR 1=1" }, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: ["user"] } },
    { name: "a server's tools", params: { server: "files-2" }, expected: { range: "24h", requestedUserId: null, serverName: "files-2", ignored: [] } },
    { name: "a server name with a NAME__ prefix is ignored, named", params: { server: "files__" }, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: ["server"] } },
    { name: "an overlong server name is ignored, named", params: { server: "a".repeat(33) }, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: ["server"] } },
    { name: "unknown params are not looked at", params: { cursor: "12", theme: "dark" }, expected: { range: "24h", requestedUserId: null, serverName: null, ignored: [] } },
  ] as const;
  for (const { name, params, expected } of cases) {
    assert.deepEqual(parseUsageDashboardParams(params as Record<string, string | string[]>), expected, name);
  }
});
