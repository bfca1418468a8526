import { spawn } from "node:child_process";
import { buildChildEnv } from "@/test/integration/cli/build-child-env";

export interface SbResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`tsx lib/cli/sb.ts ...`) as a separate process; see buildChildEnv for `env`. */
export function runSb(args: string[], env: Record<string, string | undefined>): Promise<SbResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/sb.ts", ...args], {
      env: buildChildEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
