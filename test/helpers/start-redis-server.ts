import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { Redis } from "ioredis";
import { findFreePort } from "@/test/helpers/find-free-port";

export interface TestRedisServer {
  url: string;
  port: number;
  /** Starts (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it (SIGKILL: an outage, not a shutdown); resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that hangs (accepts connections, never answers). */
  pause(): void;
  resume(): void;
}

/**
 * A throw-away redis-server of this test's own on a free port, no persistence: tests that take
 * Redis down must never touch the machine's. `started: false` leaves the port refusing
 * connections until start() is called. Stop it in `after` (idempotent).
 */
export async function startRedisServer(options: { started?: boolean } = {}): Promise<TestRedisServer> {
  const port = await findFreePort();
  let child: ChildProcess | undefined;
  const server: TestRedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return;
      const started = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      child = started;
      started.once("exit", () => {
        if (child === started) child = undefined;
      });
      const probe = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {});
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await probe.connect();
            await probe.ping();
            return;
          } catch (error) {
            if (attempt > 100) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      } finally {
        probe.disconnect();
      }
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      running.kill("SIGCONT");
      running.kill("SIGKILL");
      await once(running, "exit");
    },
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
  };
  if (options.started !== false) await server.start();
  return server;
}
