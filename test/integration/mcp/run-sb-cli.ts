import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

/**
 * Runs `sb` (lib/cli/sb.ts) against `env.DATABASE_URL` and returns its stdout trimmed: for
 * `key create`, just the new secret.
 */
export async function runSbCli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "lib/cli/sb.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
  });
  return stdout.trim();
}
