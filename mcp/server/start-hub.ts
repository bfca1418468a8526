// `npm start`: the hub's entry point. Prepares the database and tool catalogue, serves MCP
// (/sse, /message, /mcp) and /metrics on node:http and everything else through Next, and shuts
// down gracefully on SIGTERM/SIGINT without losing call-log rows.
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { stopCallLogWriter, startCallLogWriter } from "@/lib/call-log/call-log-writer";
import { replayCallLogSpool } from "@/lib/call-log/replay-call-log-spool";
import { startCallLogMaintenance } from "@/lib/call-log/start-call-log-maintenance";
import { DatabaseSetupError } from "@/lib/db/database-setup-error";
import { disconnectPrisma } from "@/lib/db/prisma";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { EnvError, getEnv, type Env } from "@/lib/env";
import { startEventFanOut } from "@/lib/events/start-event-fan-out";
import { announce } from "@/lib/log/announce";
import { logger } from "@/lib/log/logger";
import { setActiveSessionsSource } from "@/lib/metrics/set-active-sessions-source";
import { setLiveSessionSource } from "@/lib/sessions/set-live-session-source";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { flushRateLimitViolations } from "@/lib/rate-limit/record-rate-limit-violation";
import { closeRedisClient } from "@/lib/redis/close-redis-client";
import { startUpstreamFederation } from "@/lib/upstreams/start-upstream-federation";
import { getInstanceId } from "@/mcp/sessions/get-instance-id";
import { getSessionRegistry } from "@/mcp/sessions/session-registry";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { createConsoleHandler, type ConsoleHandler } from "./create-console-handler";
import { createHubServer, type HubServer } from "./create-hub-server";

/** How long shutdown waits for in-flight requests before cutting connections. */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * How long a draining hub keeps listening, answering with `Connection: close`, before it stops
 * accepting: long enough for a balancer to see readiness fail and for busy keep-alive clients to
 * get their last answer and reconnect elsewhere (cut short once no connection is left).
 */
const DRAIN_MS = 1_000;
/** After the port closes, how long a connection may stay silent before it counts as idle. */
const IDLE_CLOSE_GRACE_MS = 250;

function fail(message: string): never {
  console.error(`switchboard: ${message}`);
  process.exit(1);
}

function readEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

function listen(server: Server, env: Env): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") fail(`port ${env.PORT} is already in use; stop the other process or set PORT to a free port.`);
    if (error.code === "EACCES") fail(`no permission to listen on port ${env.PORT}; choose a port above 1023.`);
    throw error;
  }) as Promise<AddressInfo>;
}

/**
 * Fails fast on a taken port, before minutes of embedded-Postgres set-up and migrations: binds
 * the port once and lets it go (the real listen follows once the database is ready).
 */
async function assertPortAvailable(env: Env): Promise<void> {
  if (env.PORT === 0) return;
  const probe = createServer();
  await listen(probe, env);
  await new Promise((resolve) => probe.close(resolve));
}

async function waitForInFlight(count: () => number, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (count() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

async function main(): Promise<void> {
  const env = readEnv();
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  await assertPortAvailable(env);
  const database = await prepareDatabase({ onProgress: (message) => announce(message) });
  await syncToolCatalog();
  // Rows a killed predecessor answered but had not written yet, then this process's own spool.
  const spoolDir = path.join(env.dataDir, "call-log-spool");
  await replayCallLogSpool(spoolDir);
  startCallLogWriter({ spoolDir });
  // Connects the limiter's backend now and logs which one it is (Redis, Upstash or in-process).
  getRateLimiter();
  const stopMaintenance = startCallLogMaintenance();
  const stopFanOut = await startEventFanOut({ instanceId: getInstanceId() });
  const stopFederation = await startUpstreamFederation({ resyncSeconds: env.SWITCHBOARD_UPSTREAM_RESYNC_SECONDS });
  const registry = getSessionRegistry();
  setActiveSessionsSource(() => registry.countByTransport());
  setLiveSessionSource((filter) => registry.countByTransport(filter));

  // Listen before preparing Next so a busy port fails fast; console requests wait for Next.
  let consoleHandler: ConsoleHandler | undefined;
  let resolveConsole!: (handler: ConsoleHandler) => void;
  const consoleReady = new Promise<ConsoleHandler>((resolve) => (resolveConsole = resolve));
  const hub = createHubServer(env, async (request, response) => (await consoleReady).handle(request, response));

  let stopping = false;
  const shutdown = async (reason: string, exitCode = 0) => {
    if (stopping) {
      console.error(`switchboard: ${reason} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info({ reason }, "shutting down");
    // Fail readiness and answer everything with Connection: close while still listening; then
    // stop accepting, let in-flight requests and tool calls finish (bounded), then end the
    // sessions and their streams, then cut whatever connection is left.
    hub.context.draining = true;
    await waitForInFlight(() => hub.connections(), DRAIN_MS);
    // Stop accepting, but not through http.Server#close: it also closes idle connections at once,
    // including one just accepted whose request is still on its way (the client sees ECONNRESET).
    // A connection that was busy during the drain got Connection: close; one still silent after a
    // moment more is idle and can go.
    net.Server.prototype.close.call(hub.server);
    await waitForInFlight(() => hub.connections(), IDLE_CLOSE_GRACE_MS);
    hub.server.closeIdleConnections();
    // subscriptions/listen streams are POSTs that never finish on their own: end them first.
    hub.context.subscriptions.stop();
    await waitForInFlight(() => hub.inFlight() + registry.activeCalls, SHUTDOWN_GRACE_MS);
    registry.stop();
    await registry.closeAll();
    hub.server.closeAllConnections();
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["upstream servers", () => stopFederation()],
      ["call log", () => stopCallLogWriter()],
      ["rate-limit events", () => flushRateLimitViolations()],
      ["redis", () => closeRedisClient()],
      ["call-log rollups", () => stopMaintenance()],
      ["event fan-out", () => stopFanOut()],
      ["console", async () => consoleHandler?.close()],
      ["prisma", () => disconnectPrisma()],
      ["database", () => database.stop()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      await step().catch((error: unknown) => {
        failed = true;
        logger.error({ err: error }, `shutdown: stopping ${name} failed`);
      });
    }
    logger.info("stopped");
    process.exit(failed ? 1 : exitCode);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const address = await listen(hub.server, env);
  const consoleEnabled = env.SWITCHBOARD_CONSOLE === "on";
  try {
    consoleHandler = await createConsoleHandler({ enabled: consoleEnabled, dev: env.SWITCHBOARD_DEV, dir: process.cwd(), hostname: env.HOST, port: address.port });
  } catch (error) {
    // Say why in one line, then release the port and the embedded database before exiting 1.
    console.error(`switchboard: ${error instanceof Error ? error.message : String(error)}`);
    return shutdown("console failed to start", 1);
  }
  resolveConsole(consoleHandler);
  const upgrade = consoleHandler.upgrade;
  if (upgrade) hub.server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));
  const openUrl = env.PORT === 0 ? `http://localhost:${address.port}` : env.publicUrl;
  announce(`Switchboard is ready on port ${address.port}${consoleEnabled ? "" : " (MCP only: SWITCHBOARD_CONSOLE=off)"}. Open ${openUrl}`);
}

main().catch((error: unknown) => {
  // Setup errors already say what to fix in one line; anything else is a bug worth its stack.
  if (!(error instanceof DatabaseSetupError || error instanceof EnvError)) logger.error({ err: error }, "start-up failed");
  fail(error instanceof Error ? error.message.split("\n")[0] : String(error));
});
