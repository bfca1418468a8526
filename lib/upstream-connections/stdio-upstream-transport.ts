import { spawn, type ChildProcess } from "node:child_process";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** How long a stopped server gets between SIGTERM and SIGKILL of its process group. */
const KILL_GRACE_MS = 2000;
/** Most stderr kept for error messages (the tail says why a server died). */
const STDERR_TAIL_CHARS = 600;

/**
 * MCP over a child's stdin/stdout, like the SDK's StdioClientTransport but started the way the
 * hub must start other people's programs: spawn without a shell, an environment of exactly the
 * configured variables plus PATH and HOME (the hub's DATABASE_URL, AUTH_SECRET and SWITCHBOARD_*
 * never reach it), and its own process group, so stopping it also stops whatever it spawned.
 */
export class StdioUpstreamTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly #options: { command: string; args: string[]; env: Record<string, string>; cwd: string | null };
  readonly #buffer = new ReadBuffer();
  #child: ChildProcess | undefined;
  #stderr = "";
  #closed = false;

  constructor(options: { command: string; args: string[]; env: Record<string, string>; cwd: string | null }) {
    this.#options = options;
  }

  /** The last lines the server wrote to stderr (for "why did it stop"). */
  get stderrTail(): string {
    return this.#stderr.trim();
  }

  start(): Promise<void> {
    const { command, args, env, cwd } = this.#options;
    const inherited: Record<string, string> = { PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", HOME: process.env.HOME ?? "/" };
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { shell: false, detached: true, cwd: cwd ?? undefined, env: { ...inherited, ...env } as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
      this.#child = child;
      child.once("spawn", () => resolve());
      child.once("error", (error: NodeJS.ErrnoException) => {
        const reason = error.code === "ENOENT" ? new Error(`command not found: ${command}`) : error.code === "EACCES" ? new Error(`command is not executable: ${command}`) : error;
        reject(reason);
        this.onerror?.(reason);
        this.#finish();
      });
      child.once("exit", (code, signal) => {
        // What is left of its process group lost the process that started it: a server that ends,
        // asked to or not, takes its helpers with it (one that ignores SIGTERM too), instead of
        // leaving them to run on beside its restarted self or after the hub.
        if (child.pid !== undefined) signalGroup(child.pid, "SIGKILL");
        if (!this.#closed) this.onerror?.(new Error(`process exited (${signal ?? `code ${code}`})${this.stderrTail ? `: ${this.stderrTail.split("\n").at(-1)}` : ""}`));
        this.#finish();
      });
      child.stdout?.on("data", (chunk: Buffer) => {
        try {
          this.#buffer.append(chunk);
        } catch (error) {
          // An answer over the buffer cap: the connection cannot resynchronise, so it ends.
          this.onerror?.(error as Error);
          void this.close();
          return;
        }
        this.#drain();
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        this.#stderr = (this.#stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
      });
      // Writes to a dead child fail with EPIPE; the exit handler reports the death.
      child.stdin?.on("error", () => {});
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.#child?.stdin;
    if (!stdin || this.#closed) throw new Error("not connected");
    if (!stdin.write(serializeMessage(message))) await new Promise<void>((resolve) => stdin.once("drain", resolve));
  }

  /**
   * SIGTERM to the whole process group, SIGKILL to it once the server exited (or after a grace
   * period, when it does not); resolves once it exited.
   */
  async close(): Promise<void> {
    const child = this.#child;
    this.#closed = true;
    if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return this.#finish();
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), KILL_GRACE_MS);
    await exited;
    clearTimeout(timer);
    this.#finish();
  }

  #drain(): void {
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.#buffer.readMessage();
      } catch (error) {
        this.onerror?.(error as Error);
        continue;
      }
      if (!message) return;
      this.onmessage?.(message);
    }
  }

  #finish(): void {
    if (this.#child === undefined && this.#closed) return;
    this.#child = undefined;
    this.#closed = true;
    this.#buffer.clear();
    this.onclose?.();
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
