import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "../../..");

/**
 * Runs `sb <args>` against the e2e hub's database (serve-e2e-hub.ts writes its URL into the data
 * folder, which playwright.config.ts derives from the port); returns stdout (a CLI secret or id), trimmed.
 */
export async function runSb(args: string[]): Promise<string> {
  const dataDir = path.join(os.tmpdir(), `switchboard-e2e-${process.env.SWITCHBOARD_E2E_PORT}`);
  const env = { ...process.env, DATABASE_URL: readFileSync(path.join(dataDir, "e2e-database-url"), "utf8"), SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "lib/cli/sb.ts"), ...args], { cwd: root, env });
  return stdout.trim();
}
