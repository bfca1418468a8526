import { spawn } from "node:child_process";

export interface SbResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`tsx lib/cli/sb.ts ...`) as a separate process with the given environment. */
export function runSb(args: string[], env: Record<string, string | undefined>): Promise<SbResult> {
  return new Promise((resolve, reject) => {
    // An undefined value removes the variable (spawn would pass the string "undefined").
    const merged = Object.fromEntries(Object.entries({ ...process.env, LOG_LEVEL: "warn", ...env }).filter(([, value]) => value !== undefined));
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/sb.ts", ...args], {
      env: merged,
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
