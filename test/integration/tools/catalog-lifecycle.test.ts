import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import { disconnectPrisma, getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { publishHubEvent } from "@/lib/events/hub-events";
import { deprecateTool } from "@/lib/tool-catalog/deprecate-tool";
import { listCatalog } from "@/lib/tool-catalog/list-catalog";
import { setToolEnabled } from "@/lib/tool-catalog/set-tool-enabled";
import { undeprecateTool } from "@/lib/tool-catalog/undeprecate-tool";
import { getRunnableTool } from "@/mcp/catalogue/get-runnable-tool";
import { listRunnableTools } from "@/mcp/catalogue/list-runnable-tools";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { useToolsDatabase } from "@/test/integration/tools/use-tools-database";

useToolsDatabase(syncToolCatalog);

const listedNames = async () => (await listRunnableTools()).map((tool) => tool.name);
const descriptionOf = async (name: string) => (await getRunnableTool(name))?.description;
const ECHO_DESCRIPTION = "Returns the given message unchanged. Use it to check that the hub is reachable and your key works.";

describe("catalogue lifecycle", () => {
  test("lists every synced tool with a JSON Schema clients accept, run_tests flagged by its code deprecation", async () => {
    const tools = await listRunnableTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ["echo", "list_directory", "read_file", "read_note", "run_tests", "run_tests_v2", "search_notes", "search_text", "write_note"],
    );
    for (const tool of tools) {
      assert.equal(tool.inputJsonSchema.type, "object", tool.name);
      assert.equal("$schema" in tool.inputJsonSchema, false, tool.name);
    }
    assert.equal(tools.find((tool) => tool.name === "echo")?.public, true);
    assert.equal(tools.find((tool) => tool.name === "read_file")?.public, false);
    assert.equal(
      await descriptionOf("run_tests"),
      "[DEPRECATED: Use run_tests_v2] The new version runs one file or folder and takes a timeout. Stops working at 30 Jun 2027, 00:00 UTC. Runs the workspace's tests with Node's test runner (node --test) and returns the report.",
    );
    assert.deepEqual((await getRunnableTool("run_tests"))?.meta?.["switchboard.dev/deprecation"], {
      deprecatedAt: (await getPrisma().tool.findUniqueOrThrow({ where: { name: "run_tests" } })).deprecatedAt?.toISOString(),
      replacement: "run_tests_v2",
      sunset: "2027-06-30T00:00:00.000Z",
      message: "The new version runs one file or folder and takes a timeout.",
    });
    assert.equal((await getRunnableTool("echo"))?.meta, undefined, "no _meta for a tool that is not deprecated");
  });

  test("deprecate with a replacement prefixes the description; undeprecate removes it", async () => {
    await deprecateTool({ name: "echo", replacement: "read_file", actor: CLI_ACTOR });
    assert.equal(await descriptionOf("echo"), `[DEPRECATED: Use read_file] ${ECHO_DESCRIPTION}`);
    await deprecateTool({ name: "echo", message: "Going away soon.", actor: CLI_ACTOR });
    assert.equal(await descriptionOf("echo"), `[DEPRECATED] Going away soon. ${ECHO_DESCRIPTION}`);
    await undeprecateTool({ name: "echo", actor: CLI_ACTOR });
    assert.equal(await descriptionOf("echo"), ECHO_DESCRIPTION);
    const actions = (await getPrisma().auditEvent.findMany({ where: { targetId: "echo" }, orderBy: { id: "asc" } })).map((event) => [event.action, event.actorLabel]);
    assert.deepEqual(actions.slice(-3), [["tool.deprecate", "cli"], ["tool.deprecate", "cli"], ["tool.undeprecate", "cli"]]);
  });

  const refused: Array<[string, Parameters<typeof deprecateTool>[0], HubError["code"], string]> = [
    ["an unknown tool", { name: "nope", actor: CLI_ACTOR }, "not_found", "Tool nope does not exist."],
    ["an unknown replacement", { name: "echo", replacement: "echo_v9", actor: CLI_ACTOR }, "validation_failed", "Replacement tool echo_v9 does not exist."],
    ["the tool as its own replacement", { name: "echo", replacement: "echo", actor: CLI_ACTOR }, "validation_failed", "A tool cannot replace itself."],
    [
      "a sunset in the past",
      { name: "echo", sunset: new Date("2026-01-01T00:00:00Z"), actor: CLI_ACTOR },
      "validation_failed",
      "The sunset 1 Jan 2026, 00:00 UTC is not in the future: pick a later date, or disable it to withdraw it now.",
    ],
  ];
  for (const [name, input, code, message] of refused) {
    test(`deprecateTool refuses ${name}`, async () => {
      await assert.rejects(deprecateTool(input), (error: unknown) => error instanceof HubError && error.code === code && error.message === message);
    });
  }

  test("a tool past its sunset date is neither listed nor callable, and shows as sunset", async () => {
    await deprecateTool({ name: "read_note", replacement: "search_notes", sunset: new Date(Date.now() + 60_000), actor: CLI_ACTOR });
    // The sunset passes (a past sunset cannot be set: see the refusal above).
    await getPrisma().tool.update({ where: { name: "read_note" }, data: { sunsetAt: new Date(Date.now() - 60_000) } });
    publishHubEvent({ type: "catalog_changed" });
    assert.equal((await listedNames()).includes("read_note"), false);
    assert.equal(await getRunnableTool("read_note"), undefined);
    assert.equal((await listCatalog()).find((item) => item.name === "read_note")?.status, "sunset");
  });

  test("a future sunset keeps the tool listed until that moment, and says when", async () => {
    const sunset = new Date(Date.UTC(2099, 11, 31));
    await deprecateTool({ name: "search_notes", message: "Moving to v2.", sunset, actor: CLI_ACTOR });
    assert.ok((await listedNames()).includes("search_notes"));
    assert.match(await descriptionOf("search_notes") ?? "", /^\[DEPRECATED\] Moving to v2\. Stops working at 31 Dec 2099, 00:00 UTC\. /);
    assert.equal((await listRunnableTools(new Date(sunset.getTime() + 1))).some((tool) => tool.name === "search_notes"), false);
    assert.equal(await getRunnableTool("search_notes", new Date(sunset.getTime() + 1)), undefined);
  });

  test("a disabled tool is neither listed nor callable until enabled again", async () => {
    await setToolEnabled({ name: "list_directory", enabled: false, actor: CLI_ACTOR });
    assert.equal(await getRunnableTool("list_directory"), undefined);
    assert.equal((await listCatalog()).find((item) => item.name === "list_directory")?.status, "disabled");
    await setToolEnabled({ name: "list_directory", enabled: true, actor: CLI_ACTOR });
    assert.ok(await getRunnableTool("list_directory"));
    const audit = await getPrisma().auditEvent.findMany({ where: { targetId: "list_directory", action: { in: ["tool.disable", "tool.enable"] } }, orderBy: { id: "asc" } });
    assert.deepEqual(audit.map((event) => [event.action, event.before, event.after]), [
      ["tool.disable", { enabled: true }, { enabled: false }],
      ["tool.enable", { enabled: false }, { enabled: true }],
    ]);
  });

  test("the hot path reads the in-memory snapshot: a DB change shows only after catalog_changed", async () => {
    assert.ok(await getRunnableTool("search_text"));
    await getPrisma().tool.update({ where: { name: "search_text" }, data: { enabled: false } });
    assert.ok(await getRunnableTool("search_text"), "served from the snapshot without a query");
    publishHubEvent({ type: "catalog_changed" });
    assert.equal(await getRunnableTool("search_text"), undefined);
  });

  test("listCatalog reports every tool with its status for the console", async () => {
    const statuses = Object.fromEntries((await listCatalog()).map((item) => [item.name, item.status]));
    assert.deepEqual(statuses, {
      echo: "active",
      list_directory: "active",
      read_file: "active",
      read_note: "sunset",
      run_tests: "deprecated",
      run_tests_v2: "active",
      search_notes: "deprecated",
      search_text: "disabled",
      write_note: "active",
    });
  });

  test("keeps serving the last good snapshot when a reload fails (database unreachable)", async () => {
    const url = process.env.DATABASE_URL;
    await disconnectPrisma();
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
    try {
      publishHubEvent({ type: "catalog_changed" });
      assert.ok(await getRunnableTool("echo"));
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = url;
    }
    publishHubEvent({ type: "catalog_changed" });
    assert.ok(await getRunnableTool("echo"));
  });
});
