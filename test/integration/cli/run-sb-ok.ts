import assert from "node:assert/strict";
import { runSb } from "@/test/integration/cli/run-sb";

/** Runs the real CLI like runSb, asserts it exited 0 (its stderr in the message) and resolves its trimmed stdout. */
export async function runSbOk(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const result = await runSb(args, env);
  assert.equal(result.code, 0, `sb ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}
