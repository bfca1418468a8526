// A remote upstream that goes away and comes back on the same port, end to end: the real hub
// connects to @modelcontextprotocol/server-everything as a legacy HTTP+SSE server (the only test
// of a working SSE upstream; the others are refusals) and as a Streamable HTTP one, registered by
// the real CLI; calls are made by an SDK client through the hub.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getPrisma } from "@/lib/db/prisma";
import { eventually } from "@/test/helpers/eventually";
import type { TestDatabase } from "@/test/helpers/test-database";
import { runSbOk } from "@/test/integration/cli/run-sb-ok";
import { startAdminHub } from "@/test/integration/federation/start-admin-hub";
import { startEverythingRemote } from "@/test/integration/federation/start-everything-remote";
import { toolResultText } from "@/test/integration/federation/tool-result-text";

const SECRET_KEY = "remote-comeback-test-secret-key-0123456789";

let database: TestDatabase;
let client: Client;
let stopHub: (() => Promise<void>) | undefined;
const remotes: ChildProcess[] = [];

const sbOk = (...args: string[]) => runSbOk(args, { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: SECRET_KEY });
const echo = (server: string, message: string) => client.callTool({ name: `${server}__echo`, arguments: { message } }) as Promise<CallToolResult>;
const statusOf = async (name: string) => (await getPrisma().upstreamServer.findUniqueOrThrow({ where: { name }, select: { status: true } })).status;
async function startRemote(transport: "sse" | "streamableHttp", port?: number): Promise<{ port: number; process: ChildProcess }> {
  const remote = await startEverythingRemote({ transport, port });
  remotes.push(remote.process);
  return remote;
}

before(async () => {
  ({ database, client, stop: stopHub } = await startAdminHub(SECRET_KEY));
});

after(async () => {
  for (const remote of remotes) remote.kill("SIGKILL");
  await stopHub?.();
});

const cases = [
  { server: "legacy", label: "legacy HTTP+SSE", transport: "sse", path: "/sse", addArgs: ["--transport", "sse"] },
  { server: "modern", label: "Streamable HTTP", transport: "streamableHttp", path: "/mcp", addArgs: [] },
] as const;

for (const { server, label, transport, path, addArgs } of cases) {
  describe(`a ${label} remote that goes away and comes back on the same port`, { timeout: 180_000 }, () => {
    let remote: { port: number; process: ChildProcess };
    before(async () => {
      remote = await startRemote(transport);
      const added = await sbOk("server", "add", server, "--url", `http://127.0.0.1:${remote.port}${path}`, ...addArgs);
      assert.match(added, new RegExp(`^${server}__echo$`, "m"));
    });

    test("its tools are listed and called through the hub", async () => {
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      assert.ok(names.includes(`${server}__echo`) && names.includes(`${server}__get-sum`), names.join(", "));
      assert.equal(toolResultText(await echo(server, `over ${label}`)), `Echo: over ${label}`);
      assert.equal(await statusOf(server), "connected");
    });

    test("while it is down, the hub says so: status failing, calls answer isError naming it", async () => {
      remote.process.kill("SIGKILL");
      await new Promise((resolve) => remote.process.once("exit", resolve));
      // Noticed without a call: the server list must not read "connected" for a dead server.
      await eventually("the status row to say failing", async () => (await statusOf(server)) === "failing");
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const result = await echo(server, "anyone there?");
        assert.equal(result.isError, true);
        assert.match(toolResultText(result), new RegExp(`^Server ${server} `));
      }
    });

    test("once it is back on the same port, the hub reconnects and calls are answered again", async () => {
      remote = await startRemote(transport, remote.port);
      await eventually("the status row to say connected", async () => (await statusOf(server)) === "connected", 40_000);
      assert.equal(toolResultText(await echo(server, "back again")), "Echo: back again");
    });
  });
}
