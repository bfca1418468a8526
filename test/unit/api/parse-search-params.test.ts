import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSearchParams } from "@/lib/api/parse-search-params";
import { callLogQuerySchema } from "@/lib/api/schemas/call-log-query-schema";
import { usageQuerySchema } from "@/lib/api/schemas/usage-query-schema";
import { HubError } from "@/lib/errors/hub-error";

const get = (query: string) => new Request(`http://hub.test/api/v1/usage/calls${query}`);

test("parseSearchParams: coerces numbers and dates, ignores empty values, keeps the last repeat", () => {
  assert.deepEqual(parseSearchParams(get("?tool=echo&server=files-2&status=error&limit=20&cursor=123&from=2026-01-01T00:00:00Z&userId="), callLogQuerySchema), {
    tool: "echo",
    server: "files-2",
    status: "error",
    limit: 20,
    cursor: "123",
    from: new Date("2026-01-01T00:00:00Z"),
  });
  assert.deepEqual(parseSearchParams(get("?range=7d&range=1h"), usageQuerySchema), { range: "1h" });
  assert.deepEqual(parseSearchParams(get(""), usageQuerySchema), { range: "24h" });
});

const SERVER_NAME_RULE = "must be 1-32 lowercase letters, digits or hyphens (no underscores), e.g. github or files-2";

const REFUSALS: { query: string; schema: typeof callLogQuerySchema | typeof usageQuerySchema; message: string }[] = [
  { query: "?limit=0", schema: callLogQuerySchema, message: "Invalid query parameters: limit: Too small: expected number to be >=1" },
  { query: "?limit=ten", schema: callLogQuerySchema, message: "Invalid query parameters: limit: Invalid input: expected number, received NaN" },
  { query: "?cursor=-1", schema: callLogQuerySchema, message: "Invalid query parameters: cursor: Use the nextCursor of the previous page" },
  { query: "?keyId=abc", schema: callLogQuerySchema, message: "Invalid query parameters: keyId: Invalid UUID" },
  { query: "?server=everything__echo", schema: callLogQuerySchema, message: `Invalid query parameters: server: ${SERVER_NAME_RULE}` },
  { query: `?server=${"a".repeat(33)}`, schema: callLogQuerySchema, message: `Invalid query parameters: server: ${SERVER_NAME_RULE}` },
  { query: "?page=2", schema: callLogQuerySchema, message: 'Invalid query parameters: Unrecognized key: "page"' },
  { query: "?range=1y", schema: usageQuerySchema, message: 'Invalid query parameters: range: Invalid option: expected one of "1h"|"24h"|"7d"|"30d"' },
];

for (const refusal of REFUSALS) {
  test(`parseSearchParams: ${refusal.query} → invalid_request`, () => {
    assert.throws(() => parseSearchParams(get(refusal.query), refusal.schema), (error) => {
      assert.ok(error instanceof HubError);
      assert.deepEqual({ code: error.code, message: error.message }, { code: "invalid_request", message: refusal.message });
      return true;
    });
  });
}
