import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findFreePort } from "@/test/helpers/find-free-port";

const EVERYTHING = path.resolve(import.meta.dirname, "../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js");
/** What each of its remote modes prints once it listens. */
const READY = { streamableHttp: /listening on port/i, sse: /is running on port/i } as const;

/**
 * @modelcontextprotocol/server-everything as a real remote upstream, with only PATH and HOME of
 * this environment: by default in its Streamable HTTP mode (at http://127.0.0.1:PORT/mcp), with
 * `transport: "sse"` as a legacy HTTP+SSE server (GET /sse, POST /message); on a free port unless
 * `port` is given (a restart on the same one). Resolves once it says it listens.
 */
export async function startEverythingRemote(options: { transport?: keyof typeof READY; port?: number } = {}): Promise<{ port: number; process: ChildProcess }> {
  const transport = options.transport ?? "streamableHttp";
  const port = options.port ?? (await findFreePort());
  const child = spawn(process.execPath, [EVERYTHING, transport], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port) } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`remote did not start: ${stderr}`)), 15_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (READY[transport].test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { port, process: child };
}
