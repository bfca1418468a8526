import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

// Own accounts, so this file passes alone or after the others (which make the first, admin,
// account). Alone, OWNER is the first sign-up and so an admin: every assertion holds for both roles.
const OWNER = { email: "usage-owner@example.com", password: "usage owner passphrase" };
const OTHER = { email: "usage-other@example.com", password: "usage other passphrase" };
const KEY_NAME = "usage e2e – SDK client";
const CLIENT_INFO = { name: "usage-e2e-client", version: "1.2.3" };
const MESSAGE = "hello from the usage dashboard e2e";

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function signUp(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page).toHaveURL(/\/keys$/);
}

function connectClient(baseURL: string, secret: string): { client: Client; transport: StreamableHTTPClientTransport } {
  const transport = new StreamableHTTPClientTransport(new URL(`${baseURL}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${secret}` } } });
  return { client: new Client(CLIENT_INFO), transport };
}

test.describe.configure({ mode: "serial" });

test("a call made with a freshly minted key shows in the call log and on the dashboards; revoking the key cuts the client off", async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL is not configured");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUp(page, OWNER);

  // Before any key: the dashboard says what to do next.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Usage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await capture(page, testInfo, "usage-empty");
  await page.getByRole("link", { name: "Mint a key" }).click();
  await expect(page).toHaveURL(/\/keys$/);

  // Mint a key and copy the Claude Code command.
  await page.getByLabel("Name").fill(KEY_NAME);
  await page.getByRole("button", { name: "Mint key" }).click();
  const reveal = page.locator("section[aria-labelledby=secret-title]");
  await expect(reveal.getByRole("heading", { name: `Key “${KEY_NAME}” is ready` })).toBeVisible();
  const secret = (await reveal.locator("pre").first().innerText()).trim();
  expect(secret).toMatch(/^sb_/);
  await page.getByRole("button", { name: "Copy the claude mcp add command for Streamable HTTP" }).click();
  await expect(reveal.getByText("Copied", { exact: true })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`${baseURL}/mcp`);
  expect(copied).toContain(`Bearer ${secret}`);
  expect(copied).toMatch(/^claude mcp add --transport http /);
  await page.getByRole("button", { name: "I have copied it" }).click();

  // A real MCP client calls echo with that key.
  const { client, transport } = connectClient(baseURL, secret);
  await client.connect(transport);
  const result = await client.callTool({ name: "echo", arguments: { message: MESSAGE } });
  expect(result.isError ?? false).toBe(false);
  expect(result.content).toEqual([{ type: "text", text: MESSAGE }]);

  // The call log reads raw rows: the call is there once the batched writer flushed (≤ 1 s).
  await page.goto("/usage/calls");
  const echoRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "echo", exact: true }) });
  await expect(async () => {
    await page.reload();
    await expect(echoRow).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(echoRow).toContainText("OK");
  await expect(echoRow).toContainText(`${CLIENT_INFO.name} ${CLIENT_INFO.version}`);
  await expect(echoRow).toContainText(`${secret.slice(0, 12)}…`);
  await expect(echoRow).toContainText("Streamable HTTP");
  await expect(echoRow).toContainText(/\d ms$|ms/);
  await expect(echoRow.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await capture(page, testInfo, "usage-call-log");

  // Filters live in the URL (GET form): a matching filter keeps the row, another status empties the page.
  await page.getByLabel("Tool").fill("echo");
  await page.getByLabel("Status").selectOption("ok");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]tool=echo/);
  await expect(page).toHaveURL(/[?&]status=ok/);
  await expect(echoRow).toHaveCount(1);
  await page.getByLabel("Status").selectOption("error");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: "No calls match these filters" })).toBeVisible();
  await capture(page, testInfo, "usage-call-log-no-match");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(echoRow).toHaveCount(1);

  // The dashboards read the per-minute rollups, refreshed every 15 s: poll with reloads.
  await page.goto("/usage?range=1h");
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "Last 1 h" })).toHaveAttribute("aria-current", "page");
  const calls = page.locator("dl > div").filter({ has: page.locator("dt", { hasText: /^Calls$/ }) });
  await expect(async () => {
    await page.reload();
    await expect(calls.locator("dd")).toHaveText(/^[1-9]/, { timeout: 1_000 });
  }).toPass({ timeout: 70_000, intervals: [2_000, 5_000] });

  for (const title of ["Calls over time", "Latency per tool", "Error rate per tool", "Rate-limit violations", "Requests per client", "Requests per key"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure, `${title} is drawn`).toBeVisible();
    await expect(figure.getByRole("img"), `${title} has a text summary`).toHaveAttribute("aria-label", new RegExp(`^${title}: `));
  }
  await expect(page.getByRole("figure", { name: "Latency per tool" }).getByRole("img")).toHaveAttribute("aria-label", /echo p50 [\d.]+ ms/);
  const clients = page.getByRole("figure", { name: "Requests per client" });
  await clients.getByText("Show data as a table").click();
  await expect(clients.getByRole("row", { name: new RegExp(CLIENT_INFO.name) })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Requests per key" }).getByRole("img")).toHaveAttribute("aria-label", new RegExp(KEY_NAME));
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const slowest = page.getByRole("region", { name: "Slowest tools (by p95)" });
  await expect(slowest.getByRole("link", { name: "echo" })).toBeVisible();
  await capture(page, testInfo, "usage-dashboard");
  await page.emulateMedia({ colorScheme: "dark" });
  await capture(page, testInfo, "usage-dashboard-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // The ranking table links to the tool's calls in the log browser.
  await slowest.getByRole("link", { name: "echo" }).click();
  await expect(page).toHaveURL(/\/usage\/calls\?(.*&)?tool=echo/);
  await expect(echoRow).toHaveCount(1);

  // Revoke the key in the console: the connected client's next request is refused with 401.
  await page.goto("/keys");
  const keyRow = page.getByRole("row", { name: new RegExp(KEY_NAME) });
  await keyRow.getByRole("button", { name: `Revoke key ${KEY_NAME}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${KEY_NAME}”?` });
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(keyRow).toContainText("revoked");
  const refused = await client.callTool({ name: "echo", arguments: { message: "after revoke" } }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused, "the call after revoking fails").toBeInstanceOf(StreamableHTTPError);
  expect((refused as StreamableHTTPError).code).toBe(401);
  await client.close();
});

test("a member sees only their own usage", async ({ page }, testInfo) => {
  // OWNER exists already, so this sign-up is a member whatever ran before.
  await signUp(page, OTHER);
  await page.goto("/usage/calls");
  await expect(page.getByRole("heading", { level: 1, name: "Call log" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await expect(page.getByLabel("User")).toHaveCount(0);
  await page.goto("/usage?range=30d");
  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await expect(page.getByLabel("User")).toHaveCount(0);
  // A hand-made URL asking for everyone's calls or another user's is narrowed to one's own.
  await page.goto("/usage/calls?user=00000000-0000-4000-8000-000000000000&tool=echo");
  await expect(page.getByRole("status")).toHaveText("Members can only see their own usage: showing yours.");
  await expect(page.getByRole("rowheader", { name: "echo" })).toHaveCount(0);
  await page.goto("/usage?range=forever");
  await expect(page.getByRole("status")).toHaveText("Ignored an invalid range in the address.");
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "Last 24 h" })).toHaveAttribute("aria-current", "page");
  await capture(page, testInfo, "usage-member-empty");
});
