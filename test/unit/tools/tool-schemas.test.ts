import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkSchemaSnapshot, type SnapshotTool } from "@/lib/tool-catalog/check-schema-snapshot";
import { listCodeCatalogEntries } from "@/mcp/tools/list-code-catalog-entries";

// The committed contract of every tool defined in code. A tool's schema may only grow compatibly
// under the same name; a breaking change needs a new name (run_tests → run_tests_v2).
const SNAPSHOT_FILE = fileURLToPath(new URL("./tool-schemas.snapshot.json", import.meta.url));
const UPDATE_HINT = "UPDATE_TOOL_SNAPSHOT=1 node --import tsx --test test/unit/tools/tool-schemas.test.ts";

test("code tool schemas match the committed snapshot (compatible changes only)", () => {
  const current: Record<string, SnapshotTool> = Object.fromEntries(
    listCodeCatalogEntries()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => [entry.name, { version: entry.version, inputSchema: entry.inputSchema }]),
  );
  const committed: Record<string, SnapshotTool> = existsSync(SNAPSHOT_FILE) ? JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")).tools : {};
  const { breaking, stale } = checkSchemaSnapshot(committed, current);
  assert.deepEqual(breaking, [], `Incompatible tool schema changes:\n- ${breaking.join("\n- ")}`);
  if (stale.length > 0 && process.env.UPDATE_TOOL_SNAPSHOT === "1") {
    writeFileSync(SNAPSHOT_FILE, `${JSON.stringify({ tools: current }, null, 2)}\n`);
    return;
  }
  assert.deepEqual(stale, [], `The tool schema snapshot is stale:\n- ${stale.join("\n- ")}\nReview the changes, then run: ${UPDATE_HINT}`);
});

test("every code tool input field is described (what the model reads)", () => {
  for (const entry of listCodeCatalogEntries()) {
    assert.equal(entry.inputSchema.type, "object", entry.name);
    assert.equal("$schema" in entry.inputSchema, false, entry.name);
    for (const [field, schema] of Object.entries((entry.inputSchema.properties ?? {}) as Record<string, { description?: string }>)) {
      assert.ok(schema.description && schema.description.length > 0, `${entry.name}.${field} has no description`);
    }
  }
});
