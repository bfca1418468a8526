import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCallLogFilterParams } from "@/lib/console/usage/call-log-filter-params";

const KEY = "0b8e7a52-6f0e-4a1c-8d2b-1f2e3d4c5b6a";

test("parseCallLogFilterParams: every filter, parsed", () => {
  assert.deepEqual(
    parseCallLogFilterParams({ kind: "prompt", tool: " echo ", server: "files-2", key: KEY, status: "rate_limited", from: "2026-11-24T09:00:00.000Z", to: "2026-11-24T10:30:00+01:00", cursor: "123456789" }),
    {
      kind: "prompt",
      toolName: "echo",
      serverName: "files-2",
      requestedUserId: null,
      apiKeyId: KEY,
      status: "rate_limited",
      from: new Date("2026-11-24T09:00:00.000Z"),
      to: new Date("2026-11-24T09:30:00.000Z"),
      cursor: "123456789",
      ignored: [],
    },
  );
});

test("parseCallLogFilterParams: an empty form submits nothing", () => {
  assert.deepEqual(parseCallLogFilterParams({ kind: "", tool: "", server: "", user: "", key: "", status: "", from: "", to: "" }), {
    kind: undefined,
    toolName: undefined,
    serverName: undefined,
    requestedUserId: null,
    apiKeyId: undefined,
    status: undefined,
    from: undefined,
    to: undefined,
    cursor: null,
    ignored: [],
  });
});

test("parseCallLogFilterParams: invalid values are dropped and named", () => {
  const cases = [
    { params: { status: "exploded" }, ignored: ["status"] },
    { params: { from: "yesterday" }, ignored: ["from"] },
    // datetime-local text has no zone: only the client's ISO instant is accepted.
    { params: { to: "2026-11-24T10:30" }, ignored: ["to"] },
    { params: { key: "sb_notanid" }, ignored: ["key"] },
    { params: { cursor: "-1" }, ignored: ["cursor"] },
    { params: { cursor: "1 OR 1=1" }, ignored: ["cursor"] },
    { params: { tool: "x".repeat(257) }, ignored: ["tool"] },
    { params: { kind: "tools/call" }, ignored: ["kind"] },
    // Server names are lowercase letters, digits and hyphens, at most 32: no prefix, no pattern.
    { params: { server: "everything__" }, ignored: ["server"] },
    { params: { server: "Files" }, ignored: ["server"] },
    { params: { server: "a".repeat(33) }, ignored: ["server"] },
    { params: { user: "me", status: "nope" }, ignored: ["user", "status"] },
  ] as const;
  for (const { params, ignored } of cases) {
    const parsed = parseCallLogFilterParams(params);
    assert.deepEqual(parsed.ignored, ignored, JSON.stringify(params));
    for (const field of ["kind", "toolName", "serverName", "apiKeyId", "status", "from", "to"] as const) assert.equal(parsed[field], undefined, `${JSON.stringify(params)} ${field}`);
    assert.equal(parsed.cursor, null);
    assert.equal(parsed.requestedUserId, null);
  }
});
