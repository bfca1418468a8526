import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/test/helpers/find-free-port";
import { orAfter } from "@/test/helpers/with-timeout";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const SHIPPED_UPSTREAMS = ["127.0.0.1:3001", "127.0.0.1:3002", "127.0.0.1:3003"];

export interface TestNginx {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx running the shipped deploy/nginx.conf, unprivileged-style: its own prefix, pid,
 * logs and temp folders in a temporary folder, a free port, and the three example upstream
 * addresses rewritten to `upstreams` (the hubs' ports). Nothing else of the file is changed.
 */
export async function startNginx(upstreams: readonly number[]): Promise<TestNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "sb-test-nginx-"));
  chmodSync(prefix, 0o755);
  const port = await findFreePort();
  let conf = readFileSync(path.join(REPO_ROOT, "deploy/nginx.conf"), "utf8");
  SHIPPED_UPSTREAMS.forEach((address, index) => (conf = conf.replaceAll(address, `127.0.0.1:${upstreams[index]}`)));
  conf = conf.replace("listen 8080;", `listen 127.0.0.1:${port};`).replace("worker_processes auto;", "worker_processes 1;");
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${prefix}/${kind}_temp;`).join("\n");
  conf = conf.replace("http {\n", `http {\n${temp}\n`);
  const confPath = path.join(prefix, "nginx.conf");
  writeFileSync(confPath, conf);
  const child: ChildProcess = spawn("/usr/sbin/nginx", ["-p", prefix, "-c", confPath, "-e", path.join(prefix, "error.log"), "-g", `daemon off; pid ${prefix}/nginx.pid;`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGQUIT");
      await orAfter(once(child, "exit"), 3_000, undefined);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const listening = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (listening) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = (() => {
        try {
          return readFileSync(path.join(prefix, "error.log"), "utf8");
        } catch {
          return "";
        }
      })();
      await stop();
      throw new Error(`nginx did not start: ${stderr}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, url: `http://127.0.0.1:${port}`, stop };
}
