import assert from "node:assert/strict";
import { test } from "node:test";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { listChargedCalls } from "@/mcp/pipeline/list-charged-calls";

const request = (method: string, params?: Record<string, unknown>): JSONRPCMessage => ({ jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) });

test("tools/call, resources/read and prompts/get are charged, named by tool, URI or prompt; lists and other requests are not", () => {
  const cases: Array<[string, JSONRPCMessage[], Array<{ method: string; name: string }>]> = [
    ["a tool call", [request("tools/call", { name: "echo" })], [{ method: "tools/call", name: "echo" }]],
    ["a resource read", [request("resources/read", { uri: "sb-upstream://files/x" })], [{ method: "resources/read", name: "sb-upstream://files/x" }]],
    ["a prompt", [request("prompts/get", { name: "files__summarize" })], [{ method: "prompts/get", name: "files__summarize" }]],
    ["lists", [request("tools/list"), request("resources/list"), request("prompts/list"), request("resources/templates/list")], []],
    ["a notification and a response", [{ jsonrpc: "2.0", method: "notifications/initialized" }, { jsonrpc: "2.0", id: 3, result: {} }], []],
    ["a call without a name", [request("tools/call"), request("resources/read", { uri: 7 })], [{ method: "tools/call", name: "(unnamed)" }, { method: "resources/read", name: "(unnamed)" }]],
  ];
  for (const [label, messages, expected] of cases) {
    assert.deepEqual(listChargedCalls(messages, 42), expected.map((call) => ({ ...call, requestBytes: 42 })), label);
  }
});
