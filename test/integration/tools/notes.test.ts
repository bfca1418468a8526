import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { HubError } from "@/lib/errors/hub-error";
import { readNote } from "@/lib/notes/read-note";
import { searchNotes } from "@/lib/notes/search-notes";
import { writeNote } from "@/lib/notes/write-note";
import { toToolOutput } from "@/test/helpers/to-tool-output";
import { getRunnableTool } from "@/mcp/catalogue/get-runnable-tool";
import type { RunnableTool } from "@/mcp/catalogue/runnable-tool";
import { syncToolCatalog } from "@/mcp/tools/sync-tool-catalog";
import { createFixtureWorkspace } from "@/test/integration/tools/create-fixture-workspace";
import { useToolsDatabase } from "@/test/integration/tools/use-tools-database";

useToolsDatabase(syncToolCatalog);
const workspace = createFixtureWorkspace();
after(() => workspace.remove());
const author = { userId: crypto.randomUUID(), role: "member" as const };
const colleague = { userId: crypto.randomUUID(), role: "member" as const };
const admin = { userId: crypto.randomUUID(), role: "admin" as const };

const hubError = (code: HubError["code"], message: string) => (error: unknown) => error instanceof HubError && error.code === code && error.message === message;

describe("notes", () => {
  test("write then read a note; tags are normalized and deduplicated", async () => {
    const note = await writeNote(author, { title: "Deploy runbook", body: "Run the migrations before deploying.", tags: ["Runbook", "runbook", "ops"] });
    const read = await readNote(note.id);
    assert.deepEqual([read.title, read.body, read.tags, read.authorId], ["Deploy runbook", "Run the migrations before deploying.", ["runbook", "ops"], author.userId]);
  });

  test("full-text search ranks by relevance, stems words, filters by tag and honours the limit", async () => {
    await writeNote(author, { title: "Database migrations", body: "Migrations are applied at start. Migrating twice is safe.", tags: ["db"] });
    await writeNote(author, { title: "Lunch", body: "The team eats at noon; nothing about databases.", tags: [] });
    const hits = await searchNotes({ query: "migration" });
    assert.deepEqual(hits.map((hit) => hit.title), ["Database migrations", "Deploy runbook"]);
    assert.ok(hits[0].rank > hits[1].rank);
    assert.match(hits[0].snippet, /\*\*Migrations\*\*/);
    assert.deepEqual((await searchNotes({ query: "migration", tag: "db" })).map((hit) => hit.title), ["Database migrations"]);
    assert.deepEqual((await searchNotes({ query: "migration", limit: 1 })).map((hit) => hit.title), ["Database migrations"]);
    assert.deepEqual((await searchNotes({ query: '"nothing about" -migrations' })).map((hit) => hit.title), ["Lunch"]);
    assert.deepEqual(await searchNotes({ query: "kubernetes" }), []);
  });

  test("search input that would be SQL stays data", async () => {
    assert.deepEqual(await searchNotes({ query: "'); DROP TABLE \"Note\"; --" }), []);
    assert.equal((await searchNotes({ query: "runbook" })).length, 1);
  });

  test("only the author or an admin may replace a note; unknown ids are not found", async () => {
    const note = await writeNote(author, { title: "Owned", body: "v1" });
    await assert.rejects(writeNote(colleague, { id: note.id, title: "Owned", body: "hijacked" }), hubError("forbidden", `Note ${note.id} belongs to another user; only its author or an admin may change it.`));
    assert.equal((await writeNote(admin, { id: note.id, title: "Owned", body: "v2" })).body, "v2");
    const missing = crypto.randomUUID();
    await assert.rejects(writeNote(author, { id: missing, title: "x", body: "y" }), hubError("not_found", `Note ${missing} does not exist; omit id to create a new note.`));
    await assert.rejects(readNote(missing), hubError("not_found", `Note ${missing} does not exist.`));
  });

  test("the note tools validate their caps before touching the database", async () => {
    const tool = (await getRunnableTool("write_note")) as RunnableTool;
    const context = workspace.context();
    const cases: Array<[unknown, string]> = [
      [{ title: "", body: "x" }, "Invalid arguments for write_note: title: Too small: expected string to have >=1 characters"],
      [{ title: "t".repeat(201), body: "x" }, "Invalid arguments for write_note: title: Too big: expected string to have <=200 characters"],
      [{ title: "t", body: "x", tags: ["bad tag"] }, "Invalid arguments for write_note: tags.0: tags use lowercase letters, digits, . _ -"],
      [{ title: "t", body: "x", id: "not-a-uuid" }, "Invalid arguments for write_note: id: Invalid UUID"],
    ];
    for (const [args, message] of cases) assert.deepEqual(await tool.validateInput(args, context), { ok: false, message });
    const search = (await getRunnableTool("search_notes")) as RunnableTool;
    assert.deepEqual(await search.validateInput({ query: "x", limit: 51 }, context), { ok: false, message: "Invalid arguments for search_notes: limit: Too big: expected number to be <=50" });
  });

  test("search_notes tool answers with ids, titles and snippets", async () => {
    const tool = (await getRunnableTool("search_notes")) as RunnableTool;
    const context = workspace.context();
    const validated = await tool.validateInput({ query: "runbook" }, context);
    assert.ok(validated.ok);
    const output = toToolOutput(await tool.run(validated.input, context));
    assert.match(output.text, /^[0-9a-f-]{36} {2}Deploy runbook \[runbook, ops\]\n {2}/);
  });
});
