import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** Everything `next build` and the hub read; node_modules is linked in separately. */
const SOURCES = ["app", "lib", "mcp", "prisma", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json", "postcss.config.mjs", "next-env.d.ts"];

/** A console build the caller holds: nobody rebuilds it until `release()`. */
export interface ConsoleBuild {
  /** The folder to start the hub from. */
  dir: string;
  release(): void;
}

/**
 * A production build of the console for the API and browser tests, in its own folder (a snapshot
 * of the sources with node_modules hard-linked), so the tests neither wait on nor break the
 * checkout's `.next`, which other work rebuilds at any time, and one build serves both suites
 * (`next build` takes a minute or two on 2 cores). Rebuilt only when a source changed since the
 * last build, and then only once no hub runs from it: every caller is registered as a user of
 * the build until it releases it, so test files in parallel share one build (they once took
 * turns, each waiting out the other's whole file) and a rebuild waits for them all.
 */
export async function prepareConsoleBuild(): Promise<ConsoleBuild> {
  const buildRoot = path.join(os.tmpdir(), `switchboard-console-build-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 8)}`);
  const users = `${buildRoot}.users`;
  mkdirSync(buildRoot, { recursive: true });
  mkdirSync(users, { recursive: true });
  // Held while checking, rebuilding and registering: no one registers during a rebuild.
  const unlock = await acquireLock(`${buildRoot}.lock`);
  try {
    await buildIfStale(buildRoot, () => waitForNoUsers(users));
    const registration = path.join(users, `${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(registration, "");
    return { dir: buildRoot, release: () => rmSync(registration, { force: true }) };
  } finally {
    unlock();
  }
}

/** `beforeChange` runs before anything in the folder is replaced. */
async function buildIfStale(buildRoot: string, beforeChange: () => Promise<void>): Promise<void> {
  await linkNodeModules(buildRoot, beforeChange);
  const fingerprint = fingerprintSources();
  const stamp = path.join(buildRoot, ".sources-fingerprint");
  if (existsSync(path.join(buildRoot, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;

  await beforeChange();
  console.error(`[console build] sources changed since the last console build: running \`next build\` in ${buildRoot} (about a minute; log in build.log)…`);
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
    throw new Error(`[console build] next build failed (exit ${exitCode}); see ${logFile}:\n${tail}`);
  }
  writeFileSync(stamp, fingerprint);
  console.error("[console build] console built.");
}

/**
 * An exclusive lock: a directory (mkdir is atomic) holding the owner's pid. A lock whose owner
 * died is taken over. Resolves the release function.
 */
async function acquireLock(lockDir: string): Promise<() => void> {
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }));
    if (owner > 0 && !isAlive(owner)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`[console build] ${lockDir} is still held by process ${owner} after 15 minutes`);
    if (!announced) console.error(`[console build] waiting for process ${owner}, which is checking or rebuilding the console build…`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until every registered user of the build has released it or died (bounded, like the lock). */
async function waitForNoUsers(users: string): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    const live = readdirSync(users).filter((name) => {
      if (isAlive(Number.parseInt(name, 10))) return true;
      rmSync(path.join(users, name), { force: true });
      return false;
    });
    if (live.length === 0) return;
    if (Date.now() > deadline) throw new Error(`[console build] the sources changed, but hubs of processes ${live.map((name) => name.split("-")[0]).join(", ")} still run from the build after 15 minutes`);
    if (!announced) console.error("[console build] the sources changed: waiting for the hubs running from the current build to stop before rebuilding…");
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Turbopack refuses a node_modules symlinked from outside the project, so the packages are
 * hard-linked (instant, no copy) — or copied when the temp folder is on another file system.
 * Redone when package-lock.json changes.
 */
async function linkNodeModules(buildRoot: string, beforeChange: () => Promise<void>): Promise<void> {
  const lock = createHash("sha256").update(readFileSync(path.join(REPO_ROOT, "package-lock.json"))).digest("hex");
  const stamp = path.join(buildRoot, ".node-modules-lock");
  if (existsSync(path.join(buildRoot, "node_modules")) && existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return;
  await beforeChange();
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
