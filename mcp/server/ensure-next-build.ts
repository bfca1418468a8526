import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { announce } from "@/lib/log/announce";

/**
 * Next prints the config's experimental flags as a banner ("- Experiments (use with caution):"
 * then one "  ✓ flag" line each). Ours (authInterrupts, serverActions.allowedOrigins) are
 * deliberate and tested, so the first start leaves the banner out; every other line passes.
 */
function createBannerFilter(): (line: string) => boolean {
  let inBanner = false;
  return (line) => {
    if (/^\s*- Experiments \(use with caution\):/.test(line)) {
      inBanner = true;
      return false;
    }
    if (inBanner && /^\s+[✓·⨯]\s/.test(line)) return false;
    inBanner = false;
    return true;
  };
}

/**
 * Runs `next build` when the console was never built (`.next/BUILD_ID` missing), streaming its
 * progress to this terminal (without the experiments banner). Rejects with a one-line reason
 * when the build fails.
 */
export async function ensureNextBuild(dir: string): Promise<void> {
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  announce("First start: building the web console with `next build` (a few minutes; later starts skip this)…");
  const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      const keep = createBannerFilter();
      createInterface({ input: stream }).on("line", (line) => {
        if (keep(line)) sink.write(`${line}\n`);
      });
    }
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (exitCode !== 0) throw new Error(`next build failed (exit code ${exitCode}); fix the errors above, or run \`npm run build\` to retry.`);
  announce("Console built.");
}
