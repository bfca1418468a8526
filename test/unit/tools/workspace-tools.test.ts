import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { compileGlob } from "@/lib/workspace/compile-glob";
import { getWorkspaceBounds } from "@/lib/workspace/get-workspace-bounds";
import { listWorkspaceDirectory } from "@/lib/workspace/list-workspace-directory";
import { checkReadFileInput } from "@/lib/workspace/check-read-file-input";
import { READ_FILE_MAX_BYTES, readWorkspaceFile } from "@/lib/workspace/read-workspace-file";
import { resolveWorkspacePath, type WorkspaceBounds } from "@/lib/workspace/resolve-workspace-path";
import { searchWorkspaceText } from "@/lib/workspace/search-workspace-text";

let sandbox: string;
let bounds: WorkspaceBounds;

before(async () => {
  sandbox = realpathSync(mkdtempSync(path.join(os.tmpdir(), "sb-wst-")));
  const root = path.join(sandbox, "ws");
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  write("README.md", "# Demo\nThe Parser handles input.\n");
  write("src/parser.ts", "export function parse() {}\n// TODO parser edge cases\n");
  write("src/lexer.ts", "export const lexer = 1;\n");
  write("docs/guide/intro.md", "parser intro\n");
  write("node_modules/lib/index.js", "parser in a dependency\n");
  write("logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  write("big.txt", Array.from({ length: 30_000 }, (_, index) => `line ${index + 1} ${"x".repeat(20)}`).join("\n"));
  write("minified.js", "x".repeat(READ_FILE_MAX_BYTES + 10));
  write(".switchboard/secret.txt", "parser secret\n");
  write("crlf.txt", "one\r\ntwo\rthree\n\nfive");
  write("empty.txt", "");
  write("big.bin", Buffer.concat([Buffer.alloc(100), Buffer.from("x\n".repeat(READ_FILE_MAX_BYTES))]));
  writeFileSync(path.join(sandbox, "outside.txt"), "outside\n");
  symlinkSync(path.join(sandbox, "elsewhere"), path.join(root, "dangling"));
  symlinkSync(path.join(root, "README.md"), path.join(root, "readme-link"));
  symlinkSync(path.join(sandbox, "outside.txt"), path.join(root, "outside-link"));
  bounds = await getWorkspaceBounds(root, path.join(root, ".switchboard"));
});
after(() => rmSync(sandbox, { recursive: true, force: true }));

const refusedWith = (message: RegExp) => (error: unknown) => error instanceof HubError && error.code === "validation_failed" && message.test(error.message);

describe("readWorkspaceFile", () => {
  test("reads a whole file", async () => {
    const result = await readWorkspaceFile(bounds, { path: "README.md" });
    assert.deepEqual(result, { path: "README.md", text: "# Demo\nThe Parser handles input.", startLine: 1, endLine: 2, truncated: false });
  });
  test("reads a line range of a file above the size cap", async () => {
    const result = await readWorkspaceFile(bounds, { path: "big.txt", startLine: 20_000, endLine: 20_001 });
    assert.equal(result.text, `line 20000 ${"x".repeat(20)}\nline 20001 ${"x".repeat(20)}`);
  });
  test("refuses a whole file above the cap with a hint", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "big.txt" }), refusedWith(new RegExp(`at most ${READ_FILE_MAX_BYTES} bytes. Pass startLine/endLine`)));
  });
  test("refuses a start line past the end of the file", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "README.md", startLine: 5 }), refusedWith(/^"README.md" has 2 lines; startLine 5 is past the end\.$/));
  });
  test("returns the beginning of a single line longer than the cap", async () => {
    const result = await readWorkspaceFile(bounds, { path: "minified.js", startLine: 1 });
    assert.equal(result.text.length, READ_FILE_MAX_BYTES);
    assert.deepEqual([result.truncated, result.endLine], [true, 1]);
  });
  test("refuses a binary file", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "logo.png" }), refusedWith(/binary file/));
  });
  test("refuses a folder", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "src" }), refusedWith(/is not a file/));
  });
  test("refuses a FIFO at once instead of waiting for a writer", { timeout: 5000 }, async () => {
    execFileSync("mkfifo", [path.join(sandbox, "ws", "pipe")]);
    await assert.rejects(readWorkspaceFile(bounds, { path: "pipe" }), refusedWith(/is not a file/));
    rmSync(path.join(sandbox, "ws", "pipe"));
  });
  test("refuses the data folder and escapes", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: ".switchboard/secret.txt" }), refusedWith(/data folder/));
    await assert.rejects(readWorkspaceFile(bounds, { path: "../ws/README.md" }), refusedWith(/leaves the workspace root/));
  });
  test("splits lines as readline does: CRLF, lone CR, LF; no line after the final break", async () => {
    const result = await readWorkspaceFile(bounds, { path: "crlf.txt" });
    assert.deepEqual([result.text, result.endLine], ["one\ntwo\nthree\n\nfive", 5]);
    assert.deepEqual(await readWorkspaceFile(bounds, { path: "crlf.txt", startLine: 3, endLine: 4 }), { path: "crlf.txt", text: "three\n", startLine: 3, endLine: 4, truncated: false });
    assert.deepEqual(await readWorkspaceFile(bounds, { path: "empty.txt" }), { path: "empty.txt", text: "", startLine: 1, endLine: 0, truncated: false });
  });
  test("reads through a symlink inside the workspace, under the target's path", async () => {
    const result = await readWorkspaceFile(bounds, { path: "readme-link" });
    assert.deepEqual([result.path, result.text], ["README.md", "# Demo\nThe Parser handles input."]);
  });
  test("refuses symlinks leading out of the workspace or nowhere", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "outside-link" }), refusedWith(/outside the workspace root \(symlink\)/));
    await assert.rejects(readWorkspaceFile(bounds, { path: "dangling" }), refusedWith(/does not exist/));
  });
  test("refuses a file swapped for a symlink between the path check and the open", async () => {
    const file = path.join(sandbox, "ws", "swapped.txt");
    writeFileSync(file, "inside\n");
    const checked = await resolveWorkspacePath(bounds, "swapped.txt");
    assert.equal(checked.ok, true);
    rmSync(file);
    symlinkSync(path.join(sandbox, "outside.txt"), file);
    await assert.rejects(readWorkspaceFile(bounds, { path: "swapped.txt" }, checked), refusedWith(/became a symlink while it was being read/));
    rmSync(file);
  });
  test("refuses a binary file above the cap even for a line range", async () => {
    await assert.rejects(readWorkspaceFile(bounds, { path: "big.bin", startLine: 1, endLine: 2 }), refusedWith(/binary file/));
  });
  test("checks the line range order", () => {
    assert.deepEqual(checkReadFileInput({ path: "a", startLine: 5, endLine: 2 }), { ok: false, message: "endLine (2) is before startLine (5)." });
    assert.deepEqual(checkReadFileInput({ path: "a", startLine: 2, endLine: 2 }), { ok: true });
  });
});

describe("listWorkspaceDirectory", () => {
  test("lists one level, leaves out the data folder, never follows symlinks", async () => {
    const { entries, truncated } = await listWorkspaceDirectory(bounds, { path: "." });
    assert.deepEqual(
      entries.map((entry) => `${entry.path}:${entry.type}`),
      ["big.bin:file", "big.txt:file", "crlf.txt:file", "dangling:symlink", "docs:directory", "empty.txt:file", "logo.png:file", "minified.js:file", "node_modules:directory", "outside-link:symlink", "readme-link:symlink", "README.md:file", "src:directory"],
    );
    assert.equal(truncated, false);
  });
  test("descends to the depth cap and stops at the entry cap", async () => {
    const deep = await listWorkspaceDirectory(bounds, { path: "docs", depth: 2 });
    assert.deepEqual(deep.entries.map((entry) => entry.path), ["docs/guide", "docs/guide/intro.md"]);
    const capped = await listWorkspaceDirectory(bounds, { path: ".", maxEntries: 2 });
    assert.equal(capped.entries.length, 2);
    assert.equal(capped.truncated, true);
  });
});

describe("searchWorkspaceText", () => {
  test("finds literal text case-insensitively, skipping node_modules, binaries and the data folder", async () => {
    const { matches } = await searchWorkspaceText(bounds, { query: "parser" });
    assert.deepEqual(
      matches.map((match) => `${match.path}:${match.line}`),
      ["docs/guide/intro.md:1", "README.md:2", "src/parser.ts:2"],
    );
  });
  test("treats regex characters literally", async () => {
    const { matches } = await searchWorkspaceText(bounds, { query: "parse()" });
    assert.deepEqual(matches.map((match) => match.path), ["src/parser.ts"]);
    assert.equal((await searchWorkspaceText(bounds, { query: "(a+)+$" })).matches.length, 0);
  });
  test("honours case, glob, folder and result cap", async () => {
    assert.deepEqual((await searchWorkspaceText(bounds, { query: "Parser", caseSensitive: true })).matches.map((match) => match.path), ["README.md"]);
    assert.deepEqual((await searchWorkspaceText(bounds, { query: "parser", glob: "*.md" })).matches.map((match) => match.path), ["docs/guide/intro.md", "README.md"]);
    assert.deepEqual((await searchWorkspaceText(bounds, { query: "parser", path: "src" })).matches.map((match) => match.path), ["src/parser.ts"]);
    const capped = await searchWorkspaceText(bounds, { query: "parser", maxResults: 1 });
    assert.equal(capped.matches.length, 1);
    assert.equal(capped.truncated, true);
  });
});

describe("compileGlob", () => {
  const cases: Array<[string, string, boolean]> = [
    ["*.ts", "parser.ts", true],
    ["*.ts", "parser.tsx", false],
    ["*.ts", ".ts", true],
    ["*.ts", "src/parser.ts", false],
    ["src/**/*.ts", "src/a/b/c.ts", true],
    ["src/**/*.ts", "src/c.ts", true],
    ["src/**/*.ts", "src/a/c.md", false],
    ["src/**/*.ts", "lib/src/c.ts", false],
    ["src/*.ts", "src/a/c.ts", false],
    ["**/test/*.ts", "test/a.ts", true],
    ["**/test/*.ts", "pkg/unit/test/a.ts", true],
    ["**/test/*.ts", "pkg/test/deep/a.ts", false],
    ["**/test/*.ts", "pkg/latest/a.ts", false],
    ["src/**", "src/a/b/c.ts", true],
    ["src/**", "lib/a.ts", false],
    ["**.md", "docs/guide/intro.md", true],
    ["file?.md", "file1.md", true],
    ["file?.md", "file.md", false],
    ["file?.md", "file12.md", false],
    ["a?b", "a/b", false],
    ["a*b", "a/b", false],
    ["a**b", "a/x/b", true],
    ["***.ts", "deep/x.ts", true],
    ["**/**/*.ts", "a.ts", true],
    ["*/**/*", "a/b", true],
    ["*/**/*", "a", false],
    ["a.(b|c)", "a.(b|c)", true],
    ["a.(b|c)", "a.b", false],
    ["[abc].txt", "a.txt", false],
    ["[abc].txt", "[abc].txt", true],
    ["café-?.txt", "café-1.txt", true],
    ["", "", true],
    ["", "a", false],
  ];
  for (const [glob, candidate, expected] of cases) {
    test(`${JSON.stringify(glob)} ${expected ? "matches" : "does not match"} ${JSON.stringify(candidate)}`, () => {
      assert.equal(compileGlob(glob).matches(candidate), expected);
    });
  }

  test("says whether it matches the file name or the path", () => {
    assert.equal(compileGlob("*.ts").matchesBaseName, true);
    assert.equal(compileGlob("src/*.ts").matchesBaseName, false);
  });

  // [name, glob, near miss, hit]: on the near misses a backtracking RegExp takes seconds to hours.
  const EXPLOITS: Array<[string, string, string, string]> = [
    ["the reported 24 stars then Z", `${"*".repeat(24)}Z`, "a".repeat(50), `${"a".repeat(50)}Z`],
    ["60 stars then Z", `${"*".repeat(60)}Z`, "a".repeat(50), `${"a".repeat(50)}Z`],
    ["66 folder wildcards then q", `${"**/".repeat(66)}q`, "a/".repeat(25), `${"a/".repeat(25)}q`],
    ["66 folder wildcards then q, no slashes", `${"**/".repeat(66)}q`, "a".repeat(50), "q"],
    ["alternating star and letter", `${"*a".repeat(99)}Z`, "a".repeat(150), `${"a".repeat(150)}Z`],
    ["alternating star and folder wildcard", `${"*/**/".repeat(40)}Z`, "a/".repeat(50), `${"a/".repeat(40)}Z`],
    ["question marks and stars", "?*".repeat(100), "a".repeat(50), "a".repeat(100)],
  ];
  for (const [name, glob, nearMiss, hit] of EXPLOITS) {
    test(`finishes fast on ${name}`, () => {
      const started = performance.now();
      const compiled = compileGlob(glob);
      for (let round = 0; round < 20; round += 1) assert.equal(compiled.matches(nearMiss), false);
      assert.equal(compiled.matches(hit), true);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 200, `${name}: 21 matches took ${elapsed.toFixed(0)} ms`);
    });
  }
});

describe("searchWorkspaceText with a hostile glob", () => {
  test("answers at once instead of blocking the event loop", async () => {
    const started = performance.now();
    const { matches } = await searchWorkspaceText(bounds, { query: "hello", glob: `${"*".repeat(100)}Z` });
    assert.deepEqual(matches, []);
    assert.ok(performance.now() - started < 2_000, `search took ${(performance.now() - started).toFixed(0)} ms`);
  });
});
