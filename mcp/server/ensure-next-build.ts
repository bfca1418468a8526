import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Runs `next build` when the console was never built (`.next/BUILD_ID` missing), streaming its
 * progress to this terminal. Rejects with a one-line reason when the build fails.
 */
export async function ensureNextBuild(dir: string): Promise<void> {
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  console.log("First start: building the web console with `next build` (a few minutes; later starts skip this)…");
  const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: dir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (exitCode !== 0) throw new Error(`next build failed (exit code ${exitCode}); fix the errors above, or run \`npm run build\` to retry.`);
  console.log("Console built.");
}
