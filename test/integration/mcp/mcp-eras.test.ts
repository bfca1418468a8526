// Every era on the same endpoints, each with a real client: the v2 SDK Client pinned to the
// stateless 2026-07-28 revision, the v2 Client in 'auto' mode (probes server/discover, stays
// modern), the v1 Client (2025-11-25 session on /mcp) and the v1 legacy SSE client. For each:
// list tools (deterministic order), call a tool, a permission refusal, a rate limit, and
// tools/list_changed after a deprecation made by the CLI (another process: the change reaches
// the hub through the event fan-out, Redis or Postgres LISTEN/NOTIFY).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { Client as ClientV2, StreamableHTTPClientTransport as StreamableV2 } from "@modelcontextprotocol/client";
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport as StreamableV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { countEventStreams } from "@/test/helpers/count-event-streams";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { withTimeout } from "@/test/helpers/with-timeout";
import { runSbCli } from "./run-sb-cli";

const packageVersion = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const redisUrl = process.env.REDIS_URL;

let database: TestDatabase;
let hub: TestHub;
let cliEnv: Record<string, string>;
const keys = { member: "", echoOnly: "", limited: "" };

before(async () => {
  database = await createTestDatabase();
  cliEnv = { DATABASE_URL: database.url, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  await seedAccounts(database.url, async (seed) => {
    await seed.user("member@example.com", "member");
    await seed.user("admin@example.com", "admin");
    keys.member = await seed.key("member@example.com", "member");
    keys.echoOnly = await seed.key("member@example.com", "echo-only", { tools: ["echo"] });
    keys.limited = await seed.key("member@example.com", "limited", { rateLimit: "60/1m" });
  });
  hub = await startTestHub({ databaseUrl: database.url, env: redisUrl ? { REDIS_URL: redisUrl } : {} });
});

after(async () => {
  const exitCode = await hub?.stop();
  await database?.drop();
  assert.equal(exitCode, 0, `hub exit code after SIGTERM\n${hub?.output()}`);
});

/** The calls every client makes, whatever its SDK. */
interface EraClient {
  listToolNames(): Promise<string[]>;
  callTool(name: string, args: Record<string, unknown>): Promise<{ isError?: boolean; text: string }>;
  /** Resolves on the next tools/list_changed the client receives. */
  nextToolListChange(): Promise<void>;
  /** Whether the stream that carries list_changed is open (clients open it after connecting, in the background). */
  listening(): boolean;
  protocolVersion(): string | undefined;
  serverName(): string | undefined;
  close(): Promise<void>;
}

const headersFor = (key: string) => ({ Authorization: `Bearer ${key}` });

/** The v2 Client on /mcp with listChanged on (a modern connection opens subscriptions/listen). */
async function connectV2(key: string, mode: "auto" | { pin: string }): Promise<EraClient> {
  let notify: (() => void) | undefined;
  const client = new ClientV2(
    { name: "eras-test-v2", version: "2.4.0" },
    { versionNegotiation: { mode }, listChanged: { tools: { onChanged: () => notify?.(), debounceMs: 0 } } },
  );
  const streams = countEventStreams();
  await client.connect(new StreamableV2(new URL(`${hub.url}/mcp`), { requestInit: { headers: headersFor(key) }, fetch: streams.fetch }));
  return {
    listToolNames: async () => (await client.listTools()).tools.map((tool) => tool.name),
    callTool: async (name, args) => textResult(await client.callTool({ name, arguments: args })),
    nextToolListChange: () => new Promise<void>((resolve) => (notify = resolve)),
    // The subscriptions/listen stream.
    listening: () => streams.opened() > 0,
    protocolVersion: () => client.getNegotiatedProtocolVersion(),
    serverName: () => client.getServerVersion()?.name,
    close: () => client.close(),
  };
}

/** The v1 Client: a 2025-11-25 session on /mcp, or the legacy SSE transport. */
async function connectV1(key: string, transport: "streamable" | "sse"): Promise<EraClient> {
  const client = new ClientV1({ name: "eras-test-v1", version: "1.32.0" });
  let notify: (() => void) | undefined;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => notify?.());
  const requestInit = { headers: headersFor(key) };
  const streams = countEventStreams();
  const channel = transport === "sse" ? new SSEClientTransport(new URL(`${hub.url}/sse`), { requestInit }) : new StreamableV1(new URL(`${hub.url}/mcp`), { requestInit, fetch: streams.fetch });
  await client.connect(channel);
  // The v1 Streamable client opens its GET stream after initialize; list_changed rides on it.
  return {
    listToolNames: async () => (await client.listTools()).tools.map((tool) => tool.name),
    callTool: async (name, args) => textResult(await client.callTool({ name, arguments: args })),
    nextToolListChange: () => new Promise<void>((resolve) => (notify = resolve)),
    // Legacy SSE: its one stream was open before connect resolved (it brought the endpoint).
    listening: () => transport === "sse" || streams.opened() > 0,
    protocolVersion: () => (channel as { protocolVersion?: string }).protocolVersion,
    serverName: () => client.getServerVersion()?.name,
    close: () => client.close(),
  };
}

function textResult(result: unknown): { isError?: boolean; text: string } {
  const { isError, content } = result as { isError?: boolean; content: Array<{ type: string; text?: string }> };
  return { isError, text: content[0]?.text ?? "" };
}

const ERAS: Record<string, { connect: (key: string) => Promise<EraClient>; version: string | undefined }> = {
  "v2 Client pinned to 2026-07-28": { connect: (key) => connectV2(key, { pin: "2026-07-28" }), version: "2026-07-28" },
  "v2 Client in auto mode": { connect: (key) => connectV2(key, "auto"), version: "2026-07-28" },
  "v1 Client (2025-11-25 session)": { connect: (key) => connectV1(key, "streamable"), version: "2025-11-25" },
  "v1 legacy SSE client": { connect: (key) => connectV1(key, "sse"), version: undefined },
};

async function withEraClient(era: string, key: string, use: (client: EraClient) => Promise<void>): Promise<void> {
  const client = await ERAS[era].connect(key);
  try {
    await use(client);
  } finally {
    await client.close();
  }
}

for (const era of Object.keys(ERAS)) {
  describe(era, () => {
    test("speaks the expected revision, lists tools in name order and calls echo", async () => {
      await withEraClient(era, keys.member, async (client) => {
        if (ERAS[era].version) assert.equal(client.protocolVersion(), ERAS[era].version);
        assert.equal(client.serverName(), "switchboard");
        const names = await client.listToolNames();
        assert.ok(names.includes("echo") && names.includes("read_file"), names.join(","));
        assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
        assert.deepEqual(await client.listToolNames(), names, "the same order every time");
        assert.deepEqual(await client.callTool("echo", { message: `hello from ${era} ✓` }), { isError: undefined, text: `hello from ${era} ✓` });
      });
    });

    test("a key narrowed to echo lists only echo and gets a permission refusal as isError", async () => {
      await withEraClient(era, keys.echoOnly, async (client) => {
        assert.deepEqual(await client.listToolNames(), ["echo"]);
        assert.deepEqual(await client.callTool("list_directory", { path: "." }), { isError: true, text: "Permission denied: tool list_directory not authorized" });
      });
    });

    test("a rate-limited key is refused with 429 once its budget is spent", async () => {
      // One budget per key for the whole file: each era spends a fresh key.
      const key = await seedAccounts(database.url, (seed) => seed.key("member@example.com", `limited-${era}`, { rateLimit: "2/1m" }));
      await withEraClient(era, key, async (client) => {
        await client.callTool("echo", { message: "1" });
        await client.callTool("echo", { message: "2" });
        // Streamable eras see the 429 on the POST; legacy SSE as well (the POST /message is refused).
        await assert.rejects(client.callTool("echo", { message: "3" }), (error: Error) => /429|Rate limit exceeded/.test(`${error.message} ${String((error as { code?: unknown }).code)}`));
      });
    });
  });
}

describe("catalogue changes", () => {
  test("deprecating a tool sends tools/list_changed to every era's live client", async () => {
    const clients = await Promise.all(Object.values(ERAS).map((era) => era.connect(keys.member)));
    try {
      // The listen stream (v2) and the GET stream (v1 Streamable) open just after connect.
      await eventually("every client's notification stream to be open", async () => clients.every((client) => client.listening()), 20_000, 25);
      const changes = clients.map((client) => client.nextToolListChange());
      await runSbCli(["tool", "deprecate", "search_text", "--replacement", "read_file", "--message", "eras test"], cliEnv);
      await withTimeout(Promise.all(changes), 20_000, "every client saw tools/list_changed");
      for (const client of clients) {
        const names = await client.listToolNames();
        assert.ok(names.includes("search_text"), "deprecated tools stay listed until their sunset");
      }
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});
