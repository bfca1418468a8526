import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
/** Everything `next build` and the hub read; node_modules is linked in separately. */
const SOURCES = ["app", "lib", "mcp", "prisma", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json", "postcss.config.mjs", "next-env.d.ts"];

/**
 * A production build of the console for the API tests, in its own folder (a snapshot of the
 * sources with node_modules hard-linked), so the tests neither wait on nor break the checkout's
 * `.next`, which other work rebuilds at any time. Rebuilt only when a source changed since the
 * last build (about a minute on 2 cores); resolves the folder to start the hub from.
 */
export async function prepareConsoleBuild(): Promise<string> {
  const buildRoot = path.join(os.tmpdir(), `switchboard-api-test-build-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 8)}`);
  mkdirSync(buildRoot, { recursive: true });
  linkNodeModules(buildRoot);
  const fingerprint = fingerprintSources();
  const stamp = path.join(buildRoot, ".sources-fingerprint");
  if (existsSync(path.join(buildRoot, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return buildRoot;

  console.error(`[api tests] sources changed since the last console build: running \`next build\` in ${buildRoot} (about a minute; log in build.log)…`);
  rmSync(stamp, { force: true });
  for (const source of SOURCES) {
    rmSync(path.join(buildRoot, source), { recursive: true, force: true });
    if (existsSync(path.join(REPO_ROOT, source))) cpSync(path.join(REPO_ROOT, source), path.join(buildRoot, source), { recursive: true });
  }
  const logFile = path.join(buildRoot, "build.log");
  const log = createWriteStream(logFile);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(buildRoot, "node_modules/next/dist/bin/next"), "build"], {
      cwd: buildRoot,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  log.end();
  if (exitCode !== 0) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(`[api tests] next build failed (exit ${exitCode}); see ${logFile}:\n${tail}`);
  }
  writeFileSync(stamp, fingerprint);
  console.error("[api tests] console built.");
  return buildRoot;
}

/**
 * Turbopack refuses a node_modules symlinked from outside the project, so the packages are
 * hard-linked (instant, no copy) — or copied when the temp folder is on another file system.
 * Redone when package-lock.json changes.
 */
function linkNodeModules(buildRoot: string): void {
  const lock = createHash("sha256").update(readFileSync(path.join(REPO_ROOT, "package-lock.json"))).digest("hex");
  const stamp = path.join(buildRoot, ".node-modules-lock");
  if (existsSync(path.join(buildRoot, "node_modules")) && existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return;
  rmSync(path.join(buildRoot, "node_modules"), { recursive: true, force: true });
  const linked = spawnSync("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(buildRoot, "node_modules")], { stdio: "ignore" });
  if (linked.status !== 0) {
    rmSync(path.join(buildRoot, "node_modules"), { recursive: true, force: true });
    cpSync(path.join(REPO_ROOT, "node_modules"), path.join(buildRoot, "node_modules"), { recursive: true, verbatimSymlinks: true });
  }
  writeFileSync(stamp, lock);
}

/** Path, size and modification time of every source file: any edit changes it. */
function fingerprintSources(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const absolute = path.join(REPO_ROOT, relative);
    if (!existsSync(absolute)) return;
    const stat = statSync(absolute);
    if (!stat.isDirectory()) {
      hash.update(`${relative}:${stat.size}:${stat.mtimeMs}\n`);
      return;
    }
    for (const name of readdirSync(absolute).sort()) visit(path.join(relative, name));
  };
  for (const source of SOURCES) visit(source);
  return hash.digest("hex");
}
