import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import type { ConsoleAccount } from "./support/console-account";
import { gotoHydrated } from "./support/goto-hydrated";
import { runSb } from "./support/run-sb";
import { signedInPage } from "./support/signed-in-page";

// The call log and the usage dashboard's rankings name each call's upstream server and filter by
// it (issue 10: upstream tools are shown like built-in ones, with the server). A real upstream of
// the tests' own, registered through the CLI, called by an SDK client next to a built-in tool.
const ADMIN: ConsoleAccount = { email: "usage-servers-admin@example.com", password: "usage servers admin passphrase" };
const SERVER = "e2e-ranked";
// The fixture's "slow" tool, 2 s a call: the slowest tool by far, so the "Slowest tools" top five
// holds it whatever the other specs called before (a quick one was pushed out once).
const UPSTREAM_TOOL = `${SERVER}__slow`;
const UPSTREAM_ARGUMENTS = { steps: 20 };
const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/integration/federation/changing-upstream.ts");
const folder = mkdtempSync(path.join(os.tmpdir(), "sb-e2e-usage-servers-"));
const definitions = path.join(folder, "tools.json");

test.describe.configure({ mode: "serial" });
// Removed when the worker exits, not after these tests: the server stays registered for the
// screens spec's Servers page, and its periodic re-sync reads this folder.
process.once("exit", () => rmSync(folder, { recursive: true, force: true }));

let adminKey = "";
test.beforeAll(async () => {
  writeFileSync(definitions, JSON.stringify({ tools: [{ name: "slow", description: "Works for steps × 100 ms.", inputSchema: { type: "object", properties: { steps: { type: "integer" } } } }] }));
  await runSb(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin"]);
  adminKey = await runSb(["key", "create", "--email", ADMIN.email, "--name", "usage servers e2e"]);
  await runSb(["server", "add", SERVER, "--command", process.execPath, "--arg=--import", "--arg", "tsx", "--arg", fixture, "--arg", definitions, "--cwd", root]);
});

test("the call log and the tool rankings show each call's server, and narrow to one server", async ({ browser, baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const client = new Client({ name: "usage-servers-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseURL}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${adminKey}` } } }));
  try {
    await expect(async () => expect((await client.callTool({ name: UPSTREAM_TOOL, arguments: UPSTREAM_ARGUMENTS })).isError).toBeFalsy()).toPass({ timeout: 30_000 });
    expect((await client.callTool({ name: "echo", arguments: { message: "the hub's own" } })).isError).toBeFalsy();
  } finally {
    await client.close();
  }

  const page = await signedInPage(browser, ADMIN);
  await gotoHydrated(page, "/usage/calls");
  const upstreamRow = page.getByRole("row", { name: new RegExp(UPSTREAM_TOOL) }).first();
  const builtinRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "echo", exact: true }) }).first();
  await expect(async () => {
    await page.reload();
    await expect(upstreamRow).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const serverCell = (row: typeof upstreamRow) => row.getByRole("cell").nth(1);
  await expect(serverCell(upstreamRow)).toHaveText(SERVER);
  await expect(serverCell(builtinRow)).toHaveText("—");

  // The filter offers the server and keeps it in the URL; the hub's own tools drop out.
  await page.getByLabel("Server").selectOption(SERVER);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]server=${SERVER}`));
  await expect(page.getByLabel("Server")).toHaveValue(SERVER);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText(UPSTREAM_TOOL);
  for (const row of await rows.all()) await expect(serverCell(row)).toHaveText(SERVER);
  await expect(page.getByRole("rowheader", { name: "echo", exact: true })).toHaveCount(0);

  // The rankings read the per-minute rollups (refreshed every 15 s): poll with reloads.
  await page.goto("/usage?range=1h");
  const slowest = page.getByRole("region", { name: "Slowest tools (by p95)" });
  const rankedRow = (name: string) => slowest.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(async () => {
    await page.reload();
    await expect(rankedRow(UPSTREAM_TOOL)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 70_000, intervals: [2_000, 5_000] });
  await expect(slowest.getByRole("columnheader", { name: "Server" })).toBeVisible();
  await expect(rankedRow(UPSTREAM_TOOL).getByRole("cell").first()).toHaveText(SERVER);
  // Built-in tools show no server: whichever of them the top five holds (echo alone when this spec
  // runs by itself; slower built-ins push it out after the other specs' calls).
  const rankedBuiltins = slowest.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^(?!.*__)/ }) });
  expect(await rankedBuiltins.count()).toBeGreaterThan(0);
  for (const row of await rankedBuiltins.all()) await expect(row.getByRole("cell").first()).toHaveText("—");

  const rank = page.getByRole("form", { name: "Rank the tools of one server" });
  await rank.getByLabel("Server").selectOption(SERVER);
  await rank.getByRole("button", { name: "Rank" }).click();
  await expect(page).toHaveURL(/[?&]range=1h/);
  await expect(page).toHaveURL(new RegExp(`[?&]server=${SERVER}`));
  await expect(rankedRow(UPSTREAM_TOOL)).toBeVisible();
  await expect(rankedRow("echo")).toHaveCount(0);
  // The range switch keeps the server.
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "Last 24 h" })).toHaveAttribute("href", new RegExp(`server=${SERVER}`));
});
