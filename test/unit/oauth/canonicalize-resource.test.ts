import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalizeResource } from "@/lib/oauth/canonicalize-resource";
import { getOAuthEndpoints } from "@/lib/oauth/get-oauth-endpoints";

test("resource indicators (RFC 8707) resolve to one of the hub's resources or to nothing", () => {
  const endpoints = getOAuthEndpoints({ publicUrl: "https://mcp.example.com" });
  const cases: Array<[string, string | null]> = [
    ["https://mcp.example.com/mcp", "https://mcp.example.com/mcp"],
    ["https://MCP.example.com/mcp/", "https://mcp.example.com/mcp"],
    ["HTTPS://mcp.example.com:443/sse", "https://mcp.example.com/sse"],
    ["https://mcp.example.com", "https://mcp.example.com"],
    ["https://mcp.example.com/", "https://mcp.example.com"],
    ["https://mcp.example.com/mcp#x", null],
    ["https://mcp.example.com/mcp?x=1", null],
    ["https://mcp.example.com/other", null],
    ["https://evil.example/mcp", null],
    ["http://mcp.example.com/mcp", null],
    ["mcp.example.com/mcp", null],
  ];
  for (const [value, expected] of cases) assert.equal(canonicalizeResource(value, endpoints), expected, value);
});
