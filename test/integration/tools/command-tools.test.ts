import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { CLI_ACTOR } from "@/lib/audit/record-audit-event";
import type { CommandToolDefinitionInput } from "@/lib/command-tools/command-tool-schema";
import { createCommandTool } from "@/lib/command-tools/create-command-tool";
import { getCommandTool } from "@/lib/command-tools/get-command-tool";
import { deleteCommandTool } from "@/lib/command-tools/delete-command-tool";
import { updateCommandTool } from "@/lib/command-tools/update-command-tool";
import { getPrisma } from "@/lib/db/prisma";
import { HubError } from "@/lib/errors/hub-error";
import { toToolOutput } from "@/test/helpers/to-tool-output";
import { getRunnableTool } from "@/mcp/catalogue/get-runnable-tool";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { createFixtureWorkspace } from "@/test/integration/tools/create-fixture-workspace";
import { useToolsDatabase } from "@/test/integration/tools/use-tools-database";

useToolsDatabase(syncToolCatalog);
const workspace = createFixtureWorkspace();
after(() => workspace.remove());

async function call(name: string, args: unknown) {
  const tool = (await getRunnableTool(name)) as RunnableTool;
  assert.ok(tool, `${name} is runnable`);
  const context = workspace.context();
  const validated = await tool.validateInput(args, context);
  if (!validated.ok) return { refused: validated.message };
  return toToolOutput(await tool.run(validated.input, context));
}

describe("run_tests_v2 (seeded command tool)", () => {
  test("runs the tests of one folder and reports exit code 0", async () => {
    const output = await call("run_tests_v2", { path: "tests", timeoutSeconds: 60 });
    assert.ok("text" in output);
    assert.match(output.text, /^Exit code 0 after \d+ ms\./);
    assert.match(output.text, /✔ adds/);
    assert.match(output.text, /ℹ pass 2/);
    assert.equal(output.structured?.exitCode, 0);
  });

  test("filters by test name with grep", async () => {
    const output = await call("run_tests_v2", { path: "tests", grep: "multiplies", timeoutSeconds: 60 });
    assert.ok("text" in output);
    assert.match(output.text, /ℹ pass 1\n/);
  });

  test("reports a failing run with its exit code, not as a hub error", async () => {
    const output = await call("run_tests_v2", { path: "failing", timeoutSeconds: 60 });
    assert.ok("text" in output);
    assert.match(output.text, /^Exit code 1 /);
    assert.match(output.text, /is broken/);
  });

  test("kills the run at the caller's timeout", async () => {
    const started = Date.now();
    const output = await call("run_tests_v2", { path: "slow", timeoutSeconds: 1 });
    assert.ok("text" in output);
    assert.match(output.text, /^Timed out after 1 s and was killed\./);
    assert.equal(output.structured?.timedOut, true);
    assert.ok(Date.now() - started < 10_000);
  });

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ["a path outside the workspace", { path: "../etc", timeoutSeconds: 5 }, 'Invalid arguments for run_tests_v2: path: Path "../etc" leaves the workspace root.'],
    ["an absolute path", { path: "/etc", timeoutSeconds: 5 }, 'Invalid arguments for run_tests_v2: path: Path "/etc" is absolute; give a path relative to the workspace root.'],
    ["a timeout above its range", { path: "tests", timeoutSeconds: 601 }, "Invalid arguments for run_tests_v2: timeoutSeconds: Too big: expected number to be <=600"],
    ["a missing timeout", { path: "tests" }, "Invalid arguments for run_tests_v2: timeoutSeconds: Invalid input: expected number, received undefined"],
    ["option injection through grep", { path: "tests", grep: "--test-only", timeoutSeconds: 5 }, 'Invalid arguments for run_tests_v2: grep must not start with "-" (it would be read as an option).'],
    ["shell syntax in grep", { path: "tests", grep: "x; rm -rf /", timeoutSeconds: 5 }, "Invalid arguments for run_tests_v2: grep: Invalid string: must match pattern /^(?:[A-Za-z0-9 _.,:/()*+?|^$-]+)$/u"],
  ];
  for (const [name, args, message] of refused) {
    test(`refuses ${name} before spawning anything`, async () => {
      assert.deepEqual(await call("run_tests_v2", args), { refused: message });
    });
  }
});

describe("run_tests (v1, deprecated)", () => {
  test("still runs every test of the workspace it finds", async () => {
    const output = await call("run_tests", { pattern: "adds" });
    assert.ok("text" in output);
    assert.match(output.text, /✔ adds/);
  });
});

describe("admin-defined command tools", () => {
  const definition: CommandToolDefinitionInput = {
    name: "print_noise",
    title: "Print noise",
    description: "Runs the noisy fixture test",
    argv: ["node", "--test", "noisy/noisy.test.mjs"],
    parameters: {},
    timeoutMs: 30_000,
    maxOutputBytes: 2048,
  };

  test("an admin's command appears as a tool and its output is cut at the cap", async () => {
    await createCommandTool({ definition, actor: CLI_ACTOR });
    const output = await call("print_noise", {});
    assert.ok("text" in output);
    assert.equal(output.structured?.truncated, true);
    assert.match(output.text, /\[output truncated at 2048 bytes\]$/);
    assert.ok(Buffer.byteLength(output.text) < 2048 + 200);
    assert.deepEqual(
      (await getPrisma().auditEvent.findMany({ where: { targetId: "print_noise" } })).map((event) => event.action),
      ["command_tool.create"],
    );
  });

  test("a second tool with the same name is a conflict", async () => {
    await assert.rejects(createCommandTool({ definition, actor: CLI_ACTOR }), (error: unknown) => error instanceof HubError && error.code === "conflict");
  });

  test("an update may widen the schema but a breaking change needs a new name", async () => {
    const withFilter = {
      ...definition,
      version: "1.1.0",
      argv: [...definition.argv, "{{grep}}"],
      parameters: { grep: { type: "string" as const, flag: "--test-name-pattern", description: "Test name filter" } },
    };
    await updateCommandTool({ name: "print_noise", definition: withFilter, actor: CLI_ACTOR });
    const breaking = { ...withFilter, version: "2.0.0", parameters: { grep: { ...withFilter.parameters.grep, required: true } } };
    await assert.rejects(
      updateCommandTool({ name: "print_noise", definition: breaking, actor: CLI_ACTOR }),
      (error: unknown) =>
        error instanceof HubError &&
        error.code === "conflict" &&
        error.message === "Incompatible input schema change: input.grep: newly required. Register the new definition under a new name (e.g. print_noise_v2).",
    );
    assert.equal(await getPrisma().toolRevision.count({ where: { toolName: "print_noise" } }), 2);
    const stored = await getCommandTool("print_noise");
    assert.deepEqual([stored.version, stored.argv, stored.parameters.grep.flag], ["1.1.0", [...definition.argv, "{{grep}}"], "--test-name-pattern"]);
  });

  test("deleting removes it from the runnable tools; built-in tools cannot be deleted", async () => {
    await deleteCommandTool({ name: "print_noise", actor: CLI_ACTOR });
    assert.equal(await getRunnableTool("print_noise"), undefined);
    await assert.rejects(getCommandTool("print_noise"), (error: unknown) => error instanceof HubError && error.code === "not_found");
    await assert.rejects(deleteCommandTool({ name: "echo", actor: CLI_ACTOR }), (error: unknown) => error instanceof HubError && error.code === "invalid_request");
  });
});
