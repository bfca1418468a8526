import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyInboundRequest, PROTOCOL_VERSION_META_KEY } from "@modelcontextprotocol/server";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { classifyPostEra } from "@/mcp/stateless/classify-post-era";
import { JsonRpcRefusal } from "@/mcp/pipeline/json-rpc-refusal";

// classifyPostEra decides plain session-era messages itself, without the v2 SDK's classifier:
// for every message here its verdict must be the classifier's (legacy → session, modern →
// stateless, reject → the same refusal).
const envelope = { [PROTOCOL_VERSION_META_KEY]: "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
const cases: { name: string; message: unknown; protocolVersion?: string }[] = [
  { name: "a session tools/call", message: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { text: "a" } } }, protocolVersion: "2025-11-25" },
  { name: "no version header", message: { jsonrpc: "2.0", id: "a", method: "tools/list" } },
  { name: "initialize", message: { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "c", version: "1" } } } },
  { name: "a notification", message: { jsonrpc: "2.0", method: "notifications/initialized" }, protocolVersion: "2025-03-26" },
  { name: "_meta without a claim", message: { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "echo", _meta: { progressToken: 5 } } }, protocolVersion: "2025-11-25" },
  { name: "an unsupported old version", message: { jsonrpc: "2.0", id: 3, method: "tools/list" }, protocolVersion: "1999-01-01" },
  { name: "a stateless request", message: { jsonrpc: "2.0", id: 4, method: "tools/list", params: { _meta: envelope } }, protocolVersion: "2026-07-28" },
  { name: "a modern header without the envelope", message: { jsonrpc: "2.0", id: 5, method: "tools/list" }, protocolVersion: "2026-07-28" },
  { name: "a claim with a session header", message: { jsonrpc: "2.0", id: 6, method: "tools/list", params: { _meta: envelope } }, protocolVersion: "2025-11-25" },
  { name: "a claim without the rest of the envelope", message: { jsonrpc: "2.0", id: 7, method: "tools/list", params: { _meta: { [PROTOCOL_VERSION_META_KEY]: "2026-07-28" } } } },
  { name: "a header with whitespace", message: { jsonrpc: "2.0", id: 8, method: "tools/list" }, protocolVersion: " 2025-11-25 " },
  { name: "a fractional id", message: { jsonrpc: "2.0", id: 1.5, method: "tools/list" } },
  { name: "params that are an array", message: { jsonrpc: "2.0", id: 9, method: "tools/list", params: [] } },
  { name: "_meta that is not an object", message: { jsonrpc: "2.0", id: 10, method: "tools/list", params: { _meta: 3 } } },
];

for (const { name, message, protocolVersion } of cases) {
  test(`era as the SDK's classifier says: ${name}`, () => {
    const expected = classifyInboundRequest({ httpMethod: "POST", protocolVersionHeader: protocolVersion?.trim(), body: message });
    const headers = protocolVersion === undefined ? {} : { "mcp-protocol-version": protocolVersion };
    let era: string;
    try {
      era = classifyPostEra(headers, { messages: [message as JSONRPCMessage], batch: false }).era;
    } catch (error) {
      assert.ok(error instanceof JsonRpcRefusal, String(error));
      era = "reject";
    }
    // A modern request the classifier accepts may still be refused by the revision's header rules.
    if (expected.kind === "modern") assert.ok(era === "stateless" || era === "reject", era);
    else assert.equal(era, expected.kind === "legacy" ? "session" : "reject");
  });
}
