import assert from "node:assert/strict";
import { test } from "node:test";
import { getPrisma } from "@/lib/db/prisma";
import { listCodeCatalogEntries } from "@/mcp/tools/list-code-catalog-entries";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { useToolsDatabase } from "@/test/integration/tools/use-tools-database";

useToolsDatabase();

test("instances starting together sync once without unique-key failures", async () => {
  await Promise.all([syncToolCatalog(), syncToolCatalog(), syncToolCatalog()]);
  const expected = listCodeCatalogEntries().length;
  assert.equal(await getPrisma().tool.count(), expected);
  assert.equal(await getPrisma().toolRevision.count(), expected);
  assert.equal(await getPrisma().auditEvent.count({ where: { action: "tool.register" } }), expected);
});
