import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { HubError } from "@/lib/errors/hub-error";
import { eventually } from "@/test/helpers/eventually";
import { withTimeout } from "@/test/helpers/with-timeout";
import type { UpstreamConfig } from "@/lib/upstream-connections/upstream-config";
import { UpstreamPool } from "@/lib/upstream-connections/upstream-pool";

// The pool's tools/call path (UpstreamRpc beside the SDK Client, and the result check) against a
// raw JSON-RPC peer that can misbehave as no SDK server would: malformed results, hangs,
// progress that outlasts the timeout, progress that never ends.

const PEER = path.join(import.meta.dirname, "raw-stdio-upstream.ts");
const folder = mkdtempSync(path.join(os.tmpdir(), "upstream-rpc-"));
const cancellations = path.join(folder, "cancellations");
const config: UpstreamConfig = {
  id: randomUUID(),
  name: "raw",
  transport: "stdio",
  command: process.execPath,
  args: ["--import", "tsx", PEER, cancellations],
  cwd: path.resolve(import.meta.dirname, "../../.."),
  url: null,
  env: {},
  headers: {},
  timeoutMs: 1_000,
  maxConcurrency: 4,
};
const pool = new UpstreamPool();
pool.configure({ loadConfig: async (name) => (name === "raw" ? config : undefined), onToolsMayHaveChanged: async () => {}, onExtrasChanged: () => {}, onResourceUpdated: () => {}, onConnected: () => {}, onStatus: () => {} });

const call = (tool: string, options: { signal?: AbortSignal; onProgress?: (progress: Progress) => void } = {}) =>
  pool.callTool("raw", tool, { text: "hello" }, { signal: options.signal ?? new AbortController().signal, onProgress: options.onProgress });
const failureOf = async (work: Promise<unknown>) => {
  const error = await work.then(() => assert.fail("the call should have failed"), (caught: unknown) => caught);
  assert.ok(error instanceof HubError, `a HubError, not ${String(error)}`);
  return error.message;
};

before(async () => {
  await pool.connectAll(["raw"]);
});

after(async () => {
  await pool.closeAll();
  rmSync(folder, { recursive: true, force: true });
});

describe("tools/call on the pool's own request path", () => {
  test("a malformed result fails that call, saying what is wrong, and the next call is answered", async () => {
    assert.match(await failureOf(call("malformed")), /^Server raw failed to answer \(its tools\/call result is not a CallToolResult \(content: [^)]+\)\)\. If it keeps failing, ask an admin/);
    assert.deepEqual(await call("echo"), { content: [{ type: "text", text: "hello" }] });
  });

  test("an upstream's result cannot pass as the hub's own 2026-07-28 interim answer", async () => {
    assert.deepEqual(await call("branded"), { content: [{ type: "text", text: "hi" }] });
  });

  test("an upstream's own error is its refusal, whatever its code (-32000 is not the hub losing the connection)", async () => {
    assert.equal(await failureOf(call("failing")), "Server raw refused the call: MCP error -32000: database is down");
  });

  test("an upstream that never answers times out after the server's timeout, and is told the call is cancelled", async () => {
    const startedAt = performance.now();
    assert.match(await failureOf(call("hang")), /^Server raw did not answer within 1 s\./);
    assert.ok(performance.now() - startedAt >= 950, "not before the timeout");
    await eventually("the upstream heard of the cancellation", async () => cancellationsOf("hang") === 1, 5_000, 25);
    assert.match(readFileSync(cancellations, "utf8"), /^hang sb-\d+$/m, "the cancellation names the request's own id");
  });

  test("progress keeps a call alive past the timeout, and each step reaches the caller", async () => {
    const steps: Progress[] = [];
    assert.deepEqual(await call("ticking", { onProgress: (progress) => void steps.push(progress) }), { content: [{ type: "text", text: "done" }] });
    assert.deepEqual(steps.map((step) => step.progress), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(steps[0], { progress: 1, total: 8 }, "the progress token is not passed on");
  });

  test("without a progress handler, progress (with the request's id as its token) does not keep a call alive", async () => {
    assert.match(await failureOf(call("ticking")), /did not answer within 1 s/);
  });

  test("a cancelled call rejects with the caller's reason at once and the upstream hears of it", async () => {
    const before = cancellationsOf("hang");
    const abort = new AbortController();
    const pending = call("hang", { signal: abort.signal });
    setTimeout(() => abort.abort(new Error("caller went away")), 50);
    await assert.rejects(pending, /caller went away/);
    await eventually("the upstream heard of the cancellation", async () => cancellationsOf("hang") === before + 1, 5_000, 25);
  });
});

describe("a call whose upstream keeps sending progress", () => {
  test("fails after the total timeout (10 × the server's), saying so and what to do; the upstream hears it is cancelled and the connection serves the next call", async () => {
    // A timeout of its own, short so the total is quick, yet 5 × the peer's 100 ms progress interval.
    const quick: UpstreamConfig = { ...config, id: randomUUID(), name: "quick", timeoutMs: 500 };
    const states: string[] = [];
    let connections = 0;
    const quickPool = new UpstreamPool();
    quickPool.configure({ loadConfig: async () => quick, onToolsMayHaveChanged: async () => {}, onExtrasChanged: () => {}, onResourceUpdated: () => {}, onConnected: () => void (connections += 1), onStatus: (_name, status) => void states.push(status.state) });
    try {
      await quickPool.connectAll(["quick"]);
      const steps: Progress[] = [];
      const signal = new AbortController().signal;
      const startedAt = performance.now();
      const endless = quickPool.callTool("quick", "endless", {}, { signal, onProgress: (progress) => void steps.push(progress) });
      const message = await failureOf(withTimeout(endless, 15_000, "the total timeout ends the call"));
      const took = performance.now() - startedAt;
      assert.equal(message, "Server quick was still working on the call after 5 s, the most its progress may extend it (10 × its timeout). Retry later, or ask an admin to raise its timeout.");
      assert.ok(took >= 4_950, `not before the total timeout (${Math.round(took)} ms)`);
      assert.ok(steps.length >= 10, `progress kept the call alive past the idle timeout and reached the caller (${steps.length} steps)`);
      await eventually("the upstream heard of the cancellation", async () => cancellationsOf("endless") === 1, 5_000, 25);
      assert.deepEqual(await quickPool.callTool("quick", "echo", { text: "next" }, { signal }), { content: [{ type: "text", text: "next" }] });
      assert.equal(connections, 1, "the same connection served the next call");
      assert.ok(!states.includes("failing"), `states: ${states.join(", ")}`);
    } finally {
      await quickPool.closeAll();
    }
  });
});

describe("a remote upstream (Streamable HTTP) that answers one call with a malformed result", () => {
  test("only that call fails: the connection is kept for the next one (no second handshake, never 'failing')", async () => {
    let handshakes = 0;
    const server = http.createServer(async (request, response) => {
      if (request.method !== "POST") return void response.writeHead(request.method === "GET" ? 405 : 200).end();
      let body = "";
      for await (const chunk of request) body += chunk;
      const message = JSON.parse(body) as { id?: number | string; method: string; params?: { name?: string; protocolVersion?: string } };
      if (message.id === undefined) return void response.writeHead(202).end();
      const answer = (result: unknown) => response.writeHead(200, { "content-type": "application/json", "mcp-session-id": "raw-session" }).end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result }));
      if (message.method === "initialize") {
        handshakes += 1;
        return answer({ protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "raw-http", version: "1" } });
      }
      if (message.method === "tools/list") return answer({ tools: [{ name: "malformed", inputSchema: { type: "object" } }, { name: "echo", inputSchema: { type: "object" } }] });
      answer(message.params?.name === "malformed" ? { content: [{ type: "text" }] } : { content: [{ type: "text", text: "still here" }] });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const states: string[] = [];
    const remotePool = new UpstreamPool();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    const remote: UpstreamConfig = { ...config, id: randomUUID(), name: "remote", transport: "http", command: null, args: [], cwd: null, url };
    remotePool.configure({ loadConfig: async () => remote, onToolsMayHaveChanged: async () => {}, onExtrasChanged: () => {}, onResourceUpdated: () => {}, onConnected: () => {}, onStatus: (_name, status) => void states.push(status.state) });
    try {
      const signal = new AbortController().signal;
      const malformed = await remotePool.callTool("remote", "malformed", {}, { signal }).then(() => assert.fail("the call should have failed"), (error: unknown) => error);
      assert.ok(malformed instanceof HubError);
      assert.match(malformed.message, /^Server remote failed to answer \(its tools\/call result is not a CallToolResult \(content\.0/);
      assert.deepEqual(await remotePool.callTool("remote", "echo", {}, { signal }), { content: [{ type: "text", text: "still here" }] });
      assert.equal(handshakes, 1, "one connection served both calls");
      assert.ok(!states.includes("failing"), `states: ${states.join(", ")}`);
    } finally {
      await remotePool.closeAll();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** notifications/cancelled the upstream received for calls of `tool`. */
function cancellationsOf(tool: string): number {
  return existsSync(cancellations) ? readFileSync(cancellations, "utf8").split("\n").filter((line) => line.startsWith(`${tool} `)).length : 0;
}
