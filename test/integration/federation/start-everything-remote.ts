import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findFreePort } from "@/test/helpers/find-free-port";

const EVERYTHING = path.resolve(import.meta.dirname, "../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js");

/**
 * @modelcontextprotocol/server-everything in its Streamable HTTP mode on a free port (a real
 * remote upstream, at http://127.0.0.1:PORT/mcp), with only PATH and HOME of this environment;
 * resolves once it says it listens.
 */
export async function startEverythingRemote(): Promise<{ port: number; process: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [EVERYTHING, "streamableHttp"], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port) } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`remote did not start: ${stderr}`)), 15_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (/listening on port/i.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { port, process: child };
}
