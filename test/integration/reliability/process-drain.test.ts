// SIGTERM under keep-alive load: readiness fails first, every request the hub accepted is
// answered (with Connection: close while draining, after which a client goes elsewhere, as a
// balancer does), and no client sees ECONNRESET; a request that finds the port closed
// (ECONNREFUSED) was never accepted. Before the drain, one request per keep-alive connection was
// reset.
import assert from "node:assert/strict";
import { Agent, request } from "node:http";
import { after, before, test } from "node:test";
import pg from "pg";
import { eventually } from "@/test/helpers/eventually";
import { seedAccounts } from "@/test/helpers/seed-accounts";
import { createTestDatabase, type TestDatabase } from "@/test/helpers/test-database";
import { startTestHub, type TestHub } from "@/test/helpers/start-test-hub";
import { mcpHeaders, openRawMcpSession } from "./open-raw-mcp-session";

let database: TestDatabase;
let hub: TestHub | undefined;
let key = "";

before(async () => {
  database = await createTestDatabase();
  await seedAccounts(database.url, async (seed) => {
    await seed.user("drain@example.com");
    key = await seed.key("drain@example.com", "drain", { rateLimit: "100000/1m" });
  });
});
after(async () => {
  if (hub && hub.process.exitCode === null) hub.process.kill("SIGKILL");
  await database?.drop();
});

type Outcome = { status: number; connection: string | undefined } | { error: string };

/** GET /api/ready through `agent`: its status, or the connection error's code. */
function readiness(port: number, agent: Agent): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/ready", headers: { Host: "localhost" }, agent }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end();
  });
}

function post(agent: Agent, port: number, sessionId: string, id: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/mcp", agent, headers: { ...mcpHeaders(key), "Mcp-Session-Id": sessionId } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        res.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? "error" }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? "error" }));
    req.end(JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message: `drain ${id}` } } }));
  });
}

test("SIGTERM under keep-alive load: readiness 503 first, no ECONNRESET, every answered call logged, exit 0", async () => {
  hub = await startTestHub({ databaseUrl: database.url });
  const { port } = hub;
  const session = await openRawMcpSession({ port, key });
  const outcomes: Outcome[] = [];
  let stop = false;
  let id = 1000;
  // Twelve keep-alive connections, each idle for a moment between calls (where a reset happens).
  const clients = Array.from({ length: 12 }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (!stop) {
      const outcome = await post(agent, port, session.sessionId, id++);
      outcomes.push(outcome);
      // A refused connect, or Connection: close from a draining hub: this client moves on to
      // another instance, as a balancer would.
      if (("error" in outcome && outcome.error === "ECONNREFUSED") || ("connection" in outcome && outcome.connection === "close")) break;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
    }
    agent.destroy();
  });
  // The load is under way on every connection (not a fixed time: the machine may be busy).
  await eventually("the load to be under way (two dozen calls answered)", async () => outcomes.length >= 24, 20_000, 25);
  // A keep-alive connection of its own: the drain (which ends early once no connection is left)
  // lasts its full second while it is open, so the probe cannot miss it on a busy machine.
  const probe = new Agent({ keepAlive: true, maxSockets: 1 });
  assert.equal(await readiness(port, probe), 200, "ready before the signal");
  const exited = new Promise<number | null>((resolve) => hub!.process.once("exit", resolve));
  hub.process.kill("SIGTERM");
  // Ready until the hub handles the signal (when, depends on the load), then 503: never a refused connect first.
  let ready: number | string = 200;
  await eventually("readiness to change after SIGTERM", async () => (ready = await readiness(port, probe)) !== 200, 10_000, 20);
  probe.destroy();
  assert.equal(ready, 503, `readiness fails as soon as the drain begins (got ${ready})`);
  const exitCode = await exited;
  stop = true;
  await Promise.all(clients);

  const errors = outcomes.filter((outcome): outcome is { error: string } => "error" in outcome).map((outcome) => outcome.error);
  assert.deepEqual(errors.filter((code) => code !== "ECONNREFUSED"), [], `errors other than a refused connect: ${errors.join(", ")}`);
  const answered = outcomes.filter((outcome): outcome is { status: number; connection: string | undefined } => "status" in outcome);
  assert.deepEqual([...new Set(answered.map((reply) => reply.status))], [200]);
  assert.ok(answered.some((reply) => reply.connection === "close"), "answers during the drain said Connection: close");
  assert.equal(exitCode, 0, hub.output());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "CallLog" WHERE "sessionId" = $1`, [session.sessionId]);
    assert.equal(Number(rows[0].count), answered.length, "every answered call has its row");
  } finally {
    await client.end();
  }
});
