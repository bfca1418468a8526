// The hub end to end with the SDK's own Client over both transports: listing and calling tools,
// serverInfo, session ids, per-key tool narrowing, session lifecycle (DELETE, socket close),
// key binding (403), revocation closing live sessions (needs REDIS_URL: the CLI that revokes
// reaches the hub process through the event fan-out), /metrics, and graceful shutdown.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike, Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { countEventStreams } from "@/test/helpers/count-event-streams";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { openRawEventStream } from "./open-raw-event-stream";
import { runSbCli } from "./run-sb-cli";
import { sendRawRequest } from "./send-raw-request";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { withTimeout } from "@/test/helpers/with-timeout";

const INSTANCE_ID = "testhub1";
const packageVersion = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const redisUrl = process.env.REDIS_URL;

let database: TestDatabase;
let hub: TestHub;
let cliEnv: Record<string, string>;
const keys = { admin: "", member: "", echoOnly: "", doomed: "" };

before(async () => {
  database = await createTestDatabase();
  cliEnv = { DATABASE_URL: database.url, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("admin@example.com", "admin");
    await seed.user("member@example.com", "member");
    keys.admin = await seed.key("admin@example.com", "admin");
    keys.member = await seed.key("member@example.com", "member");
    keys.echoOnly = await seed.key("admin@example.com", "echo-only", { tools: ["echo"] });
    keys.doomed = await seed.key("member@example.com", "doomed");
  });
  hub = await startTestHub({ databaseUrl: database.url, env: { SWITCHBOARD_INSTANCE_ID: INSTANCE_ID, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) } });
});

after(async () => {
  const exitCode = await hub?.stop();
  await database?.drop();
  assert.equal(exitCode, 0, `hub exit code after SIGTERM\n${hub?.output()}`);
});

const TRANSPORTS = {
  streamable: (url: string, key: string, fetch?: FetchLike) => new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } }, fetch }),
  // The SDK sends requestInit's headers on the event-stream GET as well as on each POST.
  sse: (url: string, key: string, fetch?: FetchLike) => new SSEClientTransport(new URL(`${url}/sse`), { requestInit: { headers: { Authorization: `Bearer ${key}` } }, fetch }),
} as const;

async function connect(kind: keyof typeof TRANSPORTS, key: string, fetch?: FetchLike): Promise<{ client: Client; transport: Transport }> {
  const transport = TRANSPORTS[kind](hub.url, key, fetch);
  const client = new Client({ name: "switchboard-test", version: "9.9.9" });
  await client.connect(transport);
  return { client, transport };
}

/** Runs `use` with a connected client and always closes it. */
async function withClient(kind: keyof typeof TRANSPORTS, key: string, use: (client: Client, transport: Transport) => Promise<void>): Promise<void> {
  const { client, transport } = await connect(kind, key);
  try {
    await use(client, transport);
  } finally {
    await client.close();
  }
}

/** The SSE session id, read from the transport's endpoint (the SDK keeps it private). */
function sseSessionId(transport: Transport): string {
  const endpoint = (transport as unknown as { _endpoint?: URL })._endpoint;
  assert.ok(endpoint, "SSE endpoint received");
  return endpoint.searchParams.get("sessionId") ?? "";
}

function textOf(result: Awaited<ReturnType<Client["callTool"]>>): string {
  const first = (result.content as Array<{ type: string; text?: string }>)[0];
  return first?.text ?? "";
}

for (const kind of ["streamable", "sse"] as const) {
  describe(`${kind} transport`, () => {
    test("initialize reports serverInfo switchboard with the package version", async () => {
      await withClient(kind, keys.member, async (client) => {
        assert.deepEqual(client.getServerVersion(), { name: "switchboard", version: packageVersion });
        assert.deepEqual(client.getServerCapabilities()?.tools, { listChanged: true });
      });
    });

    test("session ids carry the instance id", async () => {
      await withClient(kind, keys.member, async (client, transport) => {
        const sessionId = kind === "sse" ? sseSessionId(transport) : (transport as StreamableHTTPClientTransport).sessionId;
        assert.match(sessionId ?? "", new RegExp(`^${INSTANCE_ID}\\.[A-Za-z0-9_-]{22}$`));
      });
    });

    test("lists tools and calls echo with non-ASCII text", async () => {
      await withClient(kind, keys.member, async (client) => {
        const { tools } = await client.listTools();
        const echo = tools.find((tool) => tool.name === "echo");
        assert.ok(echo, "echo is listed");
        assert.equal(echo.inputSchema.type, "object");
        const result = await client.callTool({ name: "echo", arguments: { message: "grüße ✓ 你好" } });
        assert.equal(result.isError, undefined);
        assert.equal(textOf(result), "grüße ✓ 你好");
      });
    });

    test("a key narrowed to echo lists only echo and is refused other tools with isError", async () => {
      await withClient(kind, keys.echoOnly, async (client) => {
        const { tools } = await client.listTools();
        assert.deepEqual(tools.map((tool) => tool.name), ["echo"]);
        const result = await client.callTool({ name: "list_directory", arguments: { path: "." } });
        assert.equal(result.isError, true);
        assert.equal(textOf(result), "Permission denied: tool list_directory not authorized");
      });
    });

    test("a tool that fails answers isError with a clear text, no stack trace or SQL", async () => {
      await withClient(kind, keys.admin, async (client) => {
        const result = await client.callTool({ name: "read_file", arguments: { path: "no/such/file.txt" } });
        assert.equal(result.isError, true);
        const text = textOf(result);
        assert.ok(text.length > 0);
        assert.doesNotMatch(text, /\n\s+at |SELECT |prisma/i);
      });
    });

    test("an unknown tool answers isError, not a protocol error", async () => {
      await withClient(kind, keys.admin, async (client) => {
        const result = await client.callTool({ name: "no_such_tool", arguments: {} });
        assert.equal(result.isError, true);
        assert.match(textOf(result), /no_such_tool/);
      });
    });

    test("invalid tool input is an isError result naming the tool", async () => {
      await withClient(kind, keys.member, async (client) => {
        const result = await client.callTool({ name: "echo", arguments: { message: 42 } });
        assert.equal(result.isError, true);
        assert.match(textOf(result), /^Invalid arguments for echo: /);
      });
    });
  });
}

describe("session lifecycle", () => {
  test("DELETE /mcp frees the session at once", async () => {
    const { client, transport } = await connect("streamable", keys.member);
    const sessionId = (transport as StreamableHTTPClientTransport).sessionId!;
    await (transport as StreamableHTTPClientTransport).terminateSession();
    await client.close();
    const reply = await postToolsList("/mcp", keys.member, { "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-06-18" });
    assert.equal(reply.status, 404);
    assert.deepEqual(JSON.parse(reply.text), { error: { code: "not_found", message: "Session not found: it expired or was closed. Open a new session." } });
  });

  test("closing the SSE stream frees the session at once", async () => {
    const { client, transport } = await connect("sse", keys.member);
    const sessionId = sseSessionId(transport);
    await client.close();
    await eventually("the closed SSE session to be gone", async () => (await postToolsList(`/message?sessionId=${sessionId}`, keys.member)).status === 404, 20_000, 50);
  });

  for (const kind of ["streamable", "sse"] as const) {
    test(`${kind}: another key presenting the session id gets 403`, async () => {
      await withClient(kind, keys.member, async (client, transport) => {
        const reply =
          kind === "sse"
            ? await postToolsList(`/message?sessionId=${sseSessionId(transport)}`, keys.admin)
            : await postToolsList("/mcp", keys.admin, { "Mcp-Session-Id": (transport as StreamableHTTPClientTransport).sessionId! });
        assert.equal(reply.status, 403);
        assert.deepEqual(JSON.parse(reply.text), { error: { code: "forbidden", message: "This session belongs to another API key." } });
        // The owner's session still works.
        assert.equal(textOf(await client.callTool({ name: "echo", arguments: { message: "still mine" } })), "still mine");
      });
    });
  }

  test("revoking a key closes its live sessions and its next request gets 401", async () => {
    const stream = await openRawEventStream({ port: hub.port, path: "/sse", headers: { Host: "localhost", Authorization: `Bearer ${keys.doomed}` } });
    assert.equal(stream.status, 200);
    assert.match(stream.text(), /^event: endpoint\ndata: \/message\?sessionId=/);
    const streamable = await connect("streamable", keys.doomed);
    const sessionId = (streamable.transport as StreamableHTTPClientTransport).sessionId!;
    await runSbCli(["key", "revoke", "--prefix", keys.doomed.slice(0, 12)], cliEnv);
    await withTimeout(stream.ended, 5_000, "the hub ends the revoked key's SSE stream");
    const reply = await postToolsList("/mcp", keys.doomed, { "Mcp-Session-Id": sessionId });
    assert.equal(reply.status, 401);
    assert.equal(reply.headers["www-authenticate"], 'Bearer realm="switchboard"');
    assert.deepEqual(JSON.parse(reply.text), { error: { code: "unauthorized", message: "API key revoked: create a new key." } });
    await streamable.client.close();
  });
});

describe("catalogue changes", () => {
  test("deprecating a tool sends tools/list_changed to live sessions on both transports", async () => {
    const streams = countEventStreams();
    const sessions = await Promise.all([connect("sse", keys.admin), connect("streamable", keys.admin, streams.fetch)]);
    try {
      const notified = sessions.map(
        ({ client }) => new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve())),
      );
      // The Streamable client attaches its standalone GET stream after initialized, in the background.
      await eventually("the Streamable session's GET stream to be open", async () => streams.opened() === 1, 20_000, 25);
      await runSbCli(["tool", "deprecate", "search_notes", "--replacement", "search_text"], cliEnv);
      await withTimeout(Promise.all(notified), 20_000, "tools/list_changed on both sessions");
      const { tools } = await sessions[1].client.listTools();
      assert.match(tools.find((tool) => tool.name === "search_notes")?.description ?? "", /^\[DEPRECATED: Use search_text\]/);
    } finally {
      await Promise.all(sessions.map(({ client }) => client.close()));
    }
  });
});

describe("/metrics", () => {
  test("admin key: Prometheus text with the session gauge; member key: 403; no key: 401", async () => {
    const open = await openRawEventStream({ port: hub.port, path: "/sse", headers: { Host: "localhost", Authorization: `Bearer ${keys.member}` } });
    const admin = await sendRawRequest({ port: hub.port, method: "GET", path: "/metrics", headers: { Host: "localhost", Authorization: `Bearer ${keys.admin}` } });
    open.close();
    assert.equal(admin.status, 200);
    assert.match(String(admin.headers["content-type"]), /^text\/plain/);
    const sseSessions = Number(/^switchboard_active_sessions\{transport="sse"\} (\d+)$/m.exec(admin.text)?.[1]);
    assert.ok(sseSessions >= 1, `active SSE sessions gauge counts the open stream:\n${admin.text}`);
    const member = await sendRawRequest({ port: hub.port, method: "GET", path: "/metrics", headers: { Host: "localhost", Authorization: `Bearer ${keys.member}` } });
    assert.equal(member.status, 403);
    const anonymous = await sendRawRequest({ port: hub.port, method: "GET", path: "/metrics", headers: { Host: "localhost" } });
    assert.equal(anonymous.status, 401);
  });
});

function postToolsList(path: string, key: string, headers: Record<string, string> = {}) {
  return sendRawRequest({
    port: hub.port,
    method: "POST",
    path,
    headers: { Host: "localhost", "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/list" }),
  });
}
