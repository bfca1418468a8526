import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { updateCommandTool } from "@/lib/command-tools/update-command-tool";
import { getPrisma } from "@/lib/db/prisma";
import { subscribeHubEvents, type HubEvent } from "@/lib/events/hub-events";
import { deprecateTool } from "@/lib/tool-catalog/deprecate-tool";
import { setToolEnabled } from "@/lib/tool-catalog/set-tool-enabled";
import { CODE_TOOLS } from "@/mcp/tools/code-tools";
import { runTestsSeed } from "@/mcp/tools/run-tests";
import { runTestsV2Seed } from "@/mcp/tools/run-tests-v2";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { useToolsDatabase } from "@/test/integration/tools/use-tools-database";

useToolsDatabase();

const EXPECTED_TOOLS = [...CODE_TOOLS.map((tool) => tool.name), "run_tests", "run_tests_v2"].sort();

async function catalogState() {
  const prisma = getPrisma();
  return {
    tools: await prisma.tool.findMany({ orderBy: { name: "asc" }, select: { name: true, kind: true, version: true, schemaHash: true, enabled: true, deprecatedAt: true, replacement: true, sunsetAt: true } }),
    revisions: await prisma.toolRevision.count(),
    audits: await prisma.auditEvent.count(),
  };
}

describe("syncToolCatalog", () => {
  test("creates every code tool and seeded command tool with one revision each", async () => {
    const events: HubEvent[] = [];
    const unsubscribe = subscribeHubEvents((event) => events.push(event));
    await syncToolCatalog();
    unsubscribe();
    const state = await catalogState();
    assert.deepEqual(state.tools.map((tool) => tool.name), EXPECTED_TOOLS);
    assert.equal(state.revisions, EXPECTED_TOOLS.length);
    assert.deepEqual(events, [{ type: "catalog_changed" }]);
    const runTests = state.tools.find((tool) => tool.name === "run_tests");
    assert.equal(runTests?.kind, "command");
    assert.equal(runTests?.replacement, "run_tests_v2");
    assert.equal(runTests?.sunsetAt?.toISOString(), new Date(runTestsSeed.deprecation?.sunset ?? "").toISOString());
    assert.equal(state.tools.find((tool) => tool.name === "echo")?.kind, "builtin");
    assert.ok(await getPrisma().commandTool.findUnique({ where: { toolName: "run_tests_v2" } }));
  });

  test("is idempotent: a second sync changes nothing and publishes nothing", async () => {
    const before = await catalogState();
    const events: HubEvent[] = [];
    const unsubscribe = subscribeHubEvents((event) => events.push(event));
    await syncToolCatalog();
    unsubscribe();
    assert.deepEqual(await catalogState(), before);
    assert.deepEqual(events, []);
  });

  test("records a schema change in ToolRevision and the audit log", async () => {
    // Simulate the row an older release wrote: another schema under the same name.
    await getPrisma().tool.update({ where: { name: "echo" }, data: { version: "0.9.0", schemaHash: "old-hash", inputSchema: { type: "object" } } });
    await syncToolCatalog();
    const echo = await getPrisma().tool.findUniqueOrThrow({ where: { name: "echo" } });
    assert.equal(echo.version, "1.0.0");
    assert.notEqual(echo.schemaHash, "old-hash");
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { action: "tool.schema_change", targetId: "echo" } });
    assert.deepEqual(audit.after, { version: "1.0.0", schemaHash: echo.schemaHash });
    assert.deepEqual(audit.before, { version: "0.9.0", schemaHash: "old-hash" });
    // The current schema's revision already existed from the first sync: still exactly one for it.
    assert.equal(await getPrisma().toolRevision.count({ where: { toolName: "echo", schemaHash: echo.schemaHash } }), 1);
  });

  test("keeps admin flags (enabled, deprecation) and an admin's edits of a seeded command tool", async () => {
    await setToolEnabled({ name: "search_text", enabled: false, actor: CLI_ACTOR });
    await deprecateTool({ name: "read_note", message: "Use search_notes", actor: CLI_ACTOR });
    await updateCommandTool({ name: "run_tests_v2", definition: { ...runTestsV2Seed.definition, version: "2.1.0", maxOutputBytes: 131_072 }, actor: CLI_ACTOR });
    await syncToolCatalog();
    const prisma = getPrisma();
    assert.equal((await prisma.tool.findUniqueOrThrow({ where: { name: "search_text" } })).enabled, false);
    const readNote = await prisma.tool.findUniqueOrThrow({ where: { name: "read_note" } });
    assert.equal(readNote.deprecationMessage, "Use search_notes");
    assert.ok(readNote.deprecatedAt);
    assert.equal((await prisma.tool.findUniqueOrThrow({ where: { name: "run_tests_v2" } })).version, "2.1.0");
    assert.equal((await prisma.commandTool.findUniqueOrThrow({ where: { toolName: "run_tests_v2" } })).maxOutputBytes, 131_072);
  });
});

