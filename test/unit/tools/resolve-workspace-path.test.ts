import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { checkRelativePath } from "@/lib/workspace/check-relative-path";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { resolveWorkspacePath } from "@/lib/workspace/resolve-workspace-path";
import type { WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";

let sandbox: string;
let bounds: WorkspaceBounds;

before(async () => {
  sandbox = realpathSync(mkdtempSync(path.join(os.tmpdir(), "sb-ws-")));
  const root = path.join(sandbox, "workspace");
  mkdirSync(path.join(root, "src", "nested"), { recursive: true });
  mkdirSync(path.join(root, ".switchboard"), { recursive: true });
  writeFileSync(path.join(root, "src", "index.ts"), "export {};\n");
  writeFileSync(path.join(root, ".switchboard", "secret"), "do not read\n");
  writeFileSync(path.join(sandbox, "outside.txt"), "outside\n");
  symlinkSync(path.join(sandbox, "outside.txt"), path.join(root, "link-out"));
  symlinkSync(sandbox, path.join(root, "dir-link-out"));
  symlinkSync(path.join(root, "src", "index.ts"), path.join(root, "link-in"));
  symlinkSync(path.join(root, "loop"), path.join(root, "loop"));
  // The data folder inside the root must be refused, also through a symlink.
  symlinkSync(path.join(root, ".switchboard"), path.join(root, "data-link"));
  bounds = await getWorkspaceBounds(root, path.join(root, ".switchboard"));
});

after(() => rmSync(sandbox, { recursive: true, force: true }));

describe("resolveWorkspacePath", () => {
  const refused: Array<[string, string, RegExp]> = [
    ["parent escape", "../outside.txt", /leaves the workspace root/],
    ["bare parent", "..", /leaves the workspace root/],
    ["escape after a folder", "src/../../outside.txt", /leaves the workspace root/],
    ["backslash escape", "src\\..\\..\\outside.txt", /leaves the workspace root/],
    ["absolute path", "/etc/passwd", /is absolute/],
    ["absolute path to the root itself", "/", /is absolute/],
    ["windows drive path", "C:\\Windows", /is absolute/],
    ["NUL byte", "src/index.ts\0.png", /NUL byte/],
    ["symlink to a file outside", "link-out", /outside the workspace root \(symlink\)/],
    ["path through a symlinked folder outside", "dir-link-out/outside.txt", /outside the workspace root \(symlink\)/],
    ["symlink loop", "loop", /symlink loop/],
    ["data folder", ".switchboard/secret", /data folder/],
    ["data folder through a symlink", "data-link/secret", /data folder/],
    ["missing file", "src/missing.ts", /does not exist/],
    ["over-long path", "a/".repeat(600), /longer than 1024/],
  ];
  for (const [name, input, message] of refused) {
    test(`refuses ${name}`, async () => {
      const result = await resolveWorkspacePath(bounds, input);
      assert.equal(result.ok, false);
      assert.match((result as { message: string }).message, message);
    });
  }

  const accepted: Array<[string, string, string]> = [
    ["a file", "src/index.ts", "src/index.ts"],
    ["the root", ".", "."],
    ["the root as empty string", "", "."],
    ["a folder with trailing slash", "src/nested/", path.join("src", "nested")],
    ["a .. that stays inside", "src/nested/../index.ts", "src/index.ts"],
    ["a symlink that stays inside", "link-in", "src/index.ts"],
  ];
  for (const [name, input, relative] of accepted) {
    test(`accepts ${name}`, async () => {
      const result = await resolveWorkspacePath(bounds, input);
      assert.deepEqual(result, { ok: true, absolutePath: path.join(bounds.root, relative), relativePath: relative });
    });
  }
});

describe("checkRelativePath", () => {
  test("is pure and refuses escapes without touching the disk", () => {
    assert.deepEqual(checkRelativePath("docs/readme.md"), { ok: true });
    assert.deepEqual(checkRelativePath("../x"), { ok: false, message: 'Path "../x" leaves the workspace root.' });
  });
});

describe("getWorkspaceBounds", () => {
  test("creates a missing root and leaves out a data folder outside it", async () => {
    const root = path.join(sandbox, "fresh", "workspace");
    const fresh = await getWorkspaceBounds(root, path.join(sandbox, "data"));
    assert.deepEqual(fresh, { root, excluded: [] });
  });
  test("caches a root's real path for its max age, then follows a re-pointed root", async () => {
    for (const release of ["release-1", "release-2"]) mkdirSync(path.join(sandbox, release), { recursive: true });
    const current = path.join(sandbox, "current");
    const dataDir = path.join(sandbox, "data");
    symlinkSync(path.join(sandbox, "release-1"), current);
    const first = await getWorkspaceBounds(current, dataDir, 60_000);
    assert.equal(first.root, path.join(sandbox, "release-1"));
    rmSync(current);
    symlinkSync(path.join(sandbox, "release-2"), current);
    assert.equal(await getWorkspaceBounds(current, dataDir, 60_000), first, "within its max age the cached bounds are served");
    assert.equal((await getWorkspaceBounds(current, dataDir, 0)).root, path.join(sandbox, "release-2"), "past it the root is resolved again");
  });
  test("does not cache a root that cannot be resolved", async () => {
    const blocked = path.join(sandbox, "blocked");
    writeFileSync(blocked, "a file where the root's parent should be\n");
    const root = path.join(blocked, "workspace");
    await assert.rejects(getWorkspaceBounds(root, path.join(sandbox, "data"), 60_000));
    rmSync(blocked);
    assert.deepEqual(await getWorkspaceBounds(root, path.join(sandbox, "data"), 60_000), { root, excluded: [] });
  });
});
