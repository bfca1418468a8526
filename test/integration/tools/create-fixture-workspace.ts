import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Principal } from "@/lib/api-keys/principal";
import type { ToolContext } from "@/mcp/tools/tool-definition";

/** Tiny project the test tools run against: passing, failing, slow and noisy node:test files. */
const FILES = {
  "package.json": '{ "name": "fixture", "type": "module", "private": true }\n',
  "tests/math.test.mjs": 'import test from "node:test";\nimport assert from "node:assert";\ntest("adds", () => assert.equal(1 + 1, 2));\ntest("multiplies", () => assert.equal(2 * 3, 6));\n',
  "failing/broken.test.mjs": 'import test from "node:test";\nimport assert from "node:assert";\ntest("is broken", () => assert.equal(1, 2));\n',
  "slow/slow.test.mjs": 'import test from "node:test";\ntest("hangs", () => new Promise((resolve) => setTimeout(resolve, 120000)));\n',
  "noisy/noisy.test.mjs": 'import test from "node:test";\ntest("talks a lot", () => { for (let i = 0; i < 5000; i++) console.log("noise line " + i + " " + "x".repeat(40)); });\n',
} as const;

export interface FixtureWorkspace {
  root: string;
  context(principal?: Partial<Principal>): ToolContext;
  remove(): void;
}

/** Creates the fixture project in a fresh temporary folder. */
export function createFixtureWorkspace(): FixtureWorkspace {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), "sb-fixture-")));
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return {
    root,
    context: (principal = {}) => ({
      principal: { userId: crypto.randomUUID(), email: "dev@example.com", role: "member", keyId: crypto.randomUUID(), keyPrefix: "sb_test", allowedTools: [], rateLimitPolicy: null, ...principal },
      workspaceRoot: root,
      signal: new AbortController().signal,
    }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
