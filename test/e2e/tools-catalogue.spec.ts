import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { expect, test, type Page } from "@playwright/test";
import { capturePage } from "./support/capture-page";
import type { ConsoleAccount } from "./support/console-account";
import { gotoHydrated } from "./support/goto-hydrated";
import { runSb } from "./support/run-sb";
import { signedInPage } from "./support/signed-in-page";

// The Tools page with a catalogue the size a team reaches once a few servers are federated: an
// upstream of the tests' own (test/integration/federation/changing-upstream.ts, started by the
// hub) lists 300 tools; one is then redefined (held for review) and one withdrawn (missing).
const ADMIN: ConsoleAccount = { email: "catalogue-admin@example.com", password: "catalogue admin passphrase" };
const MEMBER: ConsoleAccount = { email: "catalogue-member@example.com", password: "catalogue member passphrase" };
const SERVER = "bulk";
const TOOL_COUNT = 300;
const TOPICS = ["invoice", "ticket", "customer", "shipment", "report", "alert", "build", "deploy", "ledger", "contract"];
const HELD = 42;
const MISSING = 299;
const DEPRECATED = 7;
const GRANTED = 1;
const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/integration/federation/changing-upstream.ts");
const folder = mkdtempSync(path.join(os.tmpdir(), "sb-e2e-catalogue-"));
const definitions = path.join(folder, "tools.json");

const upstreamName = (index: number) => `tool_${String(index).padStart(3, "0")}`;
const toolName = (index: number) => `${SERVER}__${upstreamName(index)}`;

/** One fixture tool; `redefined` makes the change a reviewer must catch: a new required input, a result field no longer promised, no longer read-only. */
function bulkTool(index: number, redefined = false): Tool {
  const topic = TOPICS[index % TOPICS.length];
  return {
    name: upstreamName(index),
    title: `Find a ${topic}`,
    description: `Looks up one ${topic} record by id (fixture tool ${index}).`,
    inputSchema: { type: "object", properties: { id: { type: "string", description: `The ${topic} id` }, ...(redefined ? { cc: { type: "string" } } : {}) }, required: redefined ? ["id", "cc"] : ["id"] },
    // What the fixture answers (its tool name and arguments), so clients that check results accept them.
    outputSchema: { type: "object", properties: { tool: { type: "string" }, args: { type: "object" } }, required: redefined ? ["tool"] : ["tool", "args"] },
    annotations: { readOnlyHint: !redefined },
  };
}

function writeTools(tools: Tool[]): void {
  writeFileSync(definitions, JSON.stringify({ tools }));
}

/** A tool's line in the Tools list (a link to its page, named "<name>: <title>, <status>"). */
function toolRow(page: Page, name: string) {
  return page.getByRole("link", { name: new RegExp(`^${name}: `) });
}

test.describe.configure({ mode: "serial" });

let total = 0;
let adminKey = "";
let memberKey = "";

test.beforeAll(async () => {
  // Each sb run is a cold tsx start: seconds apiece on a busy 2-core machine; `server add` also starts the fixture.
  test.setTimeout(240_000);
  writeTools(Array.from({ length: TOOL_COUNT }, (_, index) => bulkTool(index)));
  await runSb(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin"]);
  await runSb(["user", "create", "--email", MEMBER.email, "--password", MEMBER.password, "--role", "member"]);
  adminKey = await runSb(["key", "create", "--email", ADMIN.email, "--name", "catalogue e2e"]);
  memberKey = await runSb(["key", "create", "--email", MEMBER.email, "--name", "catalogue e2e"]);
  // Added through the CLI, its tools approved as listed.
  const added = await runSb(["server", "add", SERVER, "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", fixture, "--arg", definitions, "--cwd", root]);
  expect(added.split("\n")).toHaveLength(TOOL_COUNT);
  for (const index of [GRANTED, HELD]) await runSb(["tool", "grant", toolName(index), "--email", MEMBER.email]);
  // Upstream, one tool is redefined and one withdrawn: the hub holds the first and marks the second missing.
  writeTools(Array.from({ length: TOOL_COUNT }, (_, index) => bulkTool(index, index === HELD)).filter((_, index) => index !== MISSING));
});

test.afterAll(async () => {
  // The catalogue as the other specs expect it (the screens spec photographs every page).
  await runSb(["server", "remove", SERVER]).catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

test("admin finds tools among 300 by search, server and status, and opens one with its grants, schema and deprecation", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL is not configured");
  const page = await signedInPage(browser, ADMIN);
  // The redefinition reaches the hub through the fixture's tools/list_changed.
  await expect(async () => {
    await page.goto("/tools?status=held");
    await expect(toolRow(page, toolName(HELD))).toBeVisible({ timeout: 1_000 });
    await page.goto("/tools?status=missing");
    await expect(toolRow(page, toolName(MISSING))).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await gotoHydrated(page, "/tools");
  total = Number((await page.getByRole("status").innerText()).match(/^(\d+) tools$/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(TOOL_COUNT);
  // The compact list: the whole server is one group of one line per tool, each with its state.
  const group = page.getByRole("region", { name: new RegExp(`^${SERVER} \\(${TOOL_COUNT}\\)$`) });
  await expect(group.getByRole("link")).toHaveCount(TOOL_COUNT);
  await expect(toolRow(page, toolName(HELD))).toContainText("held");
  await expect(toolRow(page, toolName(MISSING))).toContainText("missing");
  await expect(toolRow(page, toolName(GRANTED))).toContainText("active");
  await capturePage(page, testInfo, "tools-catalogue-300");

  // Search narrows: every word must match (name, title or description).
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("tool_12");
  await expect(page.getByRole("status")).toHaveText(`10 of ${total} tools`);
  await expect(page).toHaveURL(/[?&]q=tool_12/);
  await search.fill("shipment tool_12");
  await expect(page.getByRole("status")).toHaveText(`1 of ${total} tools`);
  await expect(toolRow(page, toolName(123))).toBeVisible();

  // By server, then by status within it.
  await search.fill("");
  await expect(page.getByRole("status")).toHaveText(`${total} tools`);
  await page.getByRole("combobox", { name: "Source" }).selectOption(SERVER);
  await expect(page.getByRole("status")).toHaveText(`${TOOL_COUNT} of ${total} tools`);
  await expect(page.getByRole("region", { name: /^Built-in/ })).toHaveCount(0);
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status.getByRole("option", { name: "Held (1)" })).toHaveCount(1);
  await expect(status.getByRole("option", { name: "Missing (1)" })).toHaveCount(1);
  await status.selectOption("held");
  await expect(page.getByRole("status")).toHaveText(`1 of ${total} tools`);
  await expect(page).toHaveURL(new RegExp(`status=held.*source=${SERVER}|source=${SERVER}.*status=held`));
  await expect(toolRow(page, toolName(HELD))).toContainText("held");
  await status.selectOption("missing");
  await expect(page.getByRole("status")).toHaveText(`1 of ${total} tools`);
  await expect(toolRow(page, toolName(MISSING))).toBeVisible();
  await status.selectOption("active");
  await expect(page.getByRole("status")).toHaveText(`${TOOL_COUNT - 2} of ${total} tools`);

  // A held tool's page says why clients do not see it, and where to review it.
  await status.selectOption("held");
  await toolRow(page, toolName(HELD)).click();
  await expect(page).toHaveURL(new RegExp(`/tools/${toolName(HELD)}$`));
  const held = page.getByRole("article", { name: toolName(HELD) });
  await expect(held.getByRole("note")).toContainText(`Held for review: ${SERVER} offers a new or changed definition`);
  await held.getByRole("link", { name: "Review it on the Servers page" }).click();
  await expect(page).toHaveURL(/\/admin\/servers$/);
  // The held change, field by field: the riskier hint and the result field no longer promised are breaking.
  const change = page.getByRole("heading", { name: toolName(HELD), exact: true }).locator("xpath=ancestor::li[1]");
  await expect(change).toContainText("breaking: input.cc: newly required");
  await expect(change).toContainText("breaking: output.args: now optional");
  await expect(change).toContainText("breaking: annotations.readOnlyHint: true → false (riskier)");
  await expect(change.getByRole("figure", { name: "Approved annotations" })).toContainText('"readOnlyHint": true');
  await expect(change.getByRole("figure", { name: "Held annotations" })).toContainText('"readOnlyHint": false');
  await expect(change.getByRole("figure", { name: "Held output schema" })).toContainText(/"required": \[\s*"tool"\s*\]/);
  await expect(change.getByRole("figure", { name: "Approved title" })).toHaveCount(0);
  await capturePage(page, testInfo, "tools-catalogue-held-diff");

  // An active tool, called once by the admin's key, then deprecated from its page: grants, schema, callers.
  const client = new Client({ name: "catalogue-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseURL}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${adminKey}` } } }));
  try {
    const answer = await client.callTool({ name: toolName(DEPRECATED), arguments: { id: "c-7" } });
    expect(answer.isError ?? false).toBe(false);
  } finally {
    await client.close();
  }
  await gotoHydrated(page, `/tools?source=${SERVER}&q=${upstreamName(DEPRECATED)}`);
  await expect(page.getByRole("status")).toHaveText(`1 of ${total} tools`);
  await toolRow(page, toolName(DEPRECATED)).click();
  const card = page.getByRole("article", { name: toolName(DEPRECATED) });
  await expect(card.getByRole("heading", { level: 1, name: toolName(DEPRECATED) })).toBeVisible();
  await expect(card.getByRole("note")).toHaveCount(0);
  await expect(card.getByRole("region", { name: `Who may call ${toolName(DEPRECATED)}` })).toContainText("Admins");
  await expect(card.getByRole("region", { name: "Input schema" })).toContainText(`"The ${TOPICS[DEPRECATED % TOPICS.length]} id"`);
  await card.getByText("Deprecate…").click();
  const form = card.getByRole("form", { name: `Deprecate ${toolName(DEPRECATED)}` });
  await form.getByLabel("Message to clients").fill("Use the ledger search instead.");
  await form.getByLabel("Sunset date").fill("2099-12-31");
  await form.getByRole("button", { name: "Deprecate tool" }).click();
  await expect(card.getByRole("status")).toContainText(`${toolName(DEPRECATED)} is deprecated`);
  await expect(card.getByTestId("client-description")).toContainText("[DEPRECATED] Use the ledger search instead.");
  // The call log is written in batches: the caller appears once it is flushed.
  const callers = card.getByRole("region", { name: `Who still calls ${toolName(DEPRECATED)}` });
  await expect(async () => {
    await page.reload();
    await expect(callers.getByRole("row", { name: new RegExp(ADMIN.email) })).toContainText(`${adminKey.slice(0, 12)}…`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await capturePage(page, testInfo, "tools-catalogue-deprecated-upstream");
});

test("a member's tool lists leave out a granted tool that is held for review", async ({ browser, request }) => {
  const page = await signedInPage(browser, MEMBER);
  await gotoHydrated(page, `/tools?source=${SERVER}`);
  await expect(toolRow(page, toolName(GRANTED))).toContainText("active");
  await expect(toolRow(page, toolName(HELD))).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Status" }).getByRole("option", { name: /^Held/ })).toHaveCount(0);
  expect((await page.goto(`/tools/${toolName(HELD)}`))?.status(), "a held tool has no page for members").toBe(404);
  expect((await page.goto(`/tools/${toolName(GRANTED)}`))?.status()).toBe(200);

  // The API's list for the member's key says the same.
  const listed = await request.get("/api/v1/tools", { headers: { Authorization: `Bearer ${memberKey}` } });
  expect(listed.status()).toBe(200);
  const names = ((await listed.json()) as { tools: { name: string }[] }).tools.map((tool) => tool.name);
  expect(names).toContain(toolName(GRANTED));
  expect(names).not.toContain(toolName(HELD));
});
