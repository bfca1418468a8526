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
// console-auth.spec.ts (the "auth" project every other spec depends on) made this first account, an admin.
const ADMIN = { email: "ada@example.com", password: "correct horse battery staple" };
// The built-in per-key limit (lib/rate-limit/policies.ts): 60 tools/call per minute.
const KEY_LIMIT_PER_MINUTE = 60;

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
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

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  // The sign-in form is handled by client JS: typing before hydration would submit it natively.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
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

  // Call until the key's rate limit refuses (429): a violation, a failed call and more than one page of log.
  let refusal: unknown = null;
  let accepted = 1;
  while (!refusal && accepted <= KEY_LIMIT_PER_MINUTE + 5) {
    refusal = await client.callTool({ name: "echo", arguments: { message: `burst ${accepted}` } }).then(
      () => null,
      (error: unknown) => error,
    );
    if (!refusal) accepted += 1;
  }
  expect(refusal, "the key's rate limit refuses a call").toBeInstanceOf(StreamableHTTPError);
  expect((refusal as StreamableHTTPError).code).toBe(429);
  // A burst that straddles a window boundary may get one more: the sliding window (Upstash's
  // arithmetic, which the in-memory limiter copies) rounds the previous window's weighted count down.
  expect(accepted).toBeLessThanOrEqual(KEY_LIMIT_PER_MINUTE + 1);
  const logged = accepted + 1;

  // Keyset paging: 50 newest, then "Older →" to the rest.
  await page.goto("/usage/calls");
  const rows = page.locator("tbody tr");
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("50 calls on this page")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(rows.first()).toContainText("Rate limited");
  await expect(rows.first()).toContainText("rate_limited");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/[?&]cursor=\d+/);
  await expect(rows).toHaveCount(logged - 50);
  await expect(page.getByText("End of the log")).toBeVisible();
  await expect(rows.last()).toContainText("OK");
  await capture(page, testInfo, "usage-call-log-older");
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await page.getByLabel("Status").selectOption("rate_limited");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);

  // The dashboards read the per-minute rollups, refreshed every 15 s: poll with reloads.
  await page.goto("/usage?range=1h");
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "Last 1 h" })).toHaveAttribute("aria-current", "page");
  const stat = (label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await expect(async () => {
    await page.reload();
    await expect(stat("Calls")).toHaveText(String(logged), { timeout: 1_000 });
  }).toPass({ timeout: 70_000, intervals: [2_000, 5_000] });
  await expect(stat("Failed calls")).toHaveText(`1 (${((1 / logged) * 100).toFixed(1).replace(/\.0$/, "")}%)`);
  await expect(stat("Rate-limit refusals")).toHaveText("1");
  await expect(stat("Average rate")).toHaveText(/ calls\/min$/);

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
  await expect(page.getByRole("figure", { name: "Rate-limit violations" }).getByRole("img")).toHaveAttribute("aria-label", /key over limit 1/);
  await expect(page.getByRole("figure", { name: "Error rate per tool" }).getByRole("img")).toHaveAttribute("aria-label", /echo error rate [\d.]+%/);
  const slowest = page.getByRole("region", { name: "Slowest tools (by p95)" });
  await expect(slowest.getByRole("link", { name: "echo" })).toBeVisible();
  await expect(slowest.getByRole("table", { name: "Slowest tools (by p95)" })).toBeVisible();
  const failing = page.getByRole("region", { name: "Most failing tools" });
  await expect(failing.getByRole("row", { name: /echo/ })).toContainText(`${logged}`);
  await capture(page, testInfo, "usage-dashboard");
  await page.emulateMedia({ colorScheme: "dark" });
  await capture(page, testInfo, "usage-dashboard-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // The ranking table links to the tool's calls in the log browser.
  await slowest.getByRole("link", { name: "echo" }).click();
  await expect(page).toHaveURL(/\/usage\/calls\?(.*&)?tool=echo/);
  await expect(page.getByLabel("Tool")).toHaveValue("echo");
  await expect(rows).toHaveCount(50);

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
  await expect(page.getByLabel("User", { exact: true })).toHaveCount(0);
  await page.goto("/usage?range=30d");
  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await expect(page.getByLabel("User", { exact: true })).toHaveCount(0);
  // A hand-made URL asking for everyone's calls or another user's is narrowed to one's own.
  await page.goto("/usage/calls?user=00000000-0000-4000-8000-000000000000&tool=echo");
  await expect(page.getByRole("status")).toHaveText("Members can only see their own usage: showing yours.");
  await expect(page.getByRole("rowheader", { name: "echo" })).toHaveCount(0);
  await page.goto("/usage?range=forever");
  await expect(page.getByRole("status")).toHaveText("Ignored an invalid range in the address.");
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "Last 24 h" })).toHaveAttribute("aria-current", "page");
  await capture(page, testInfo, "usage-member-empty");
});

test("an admin sees everyone's usage, live sessions, and may narrow to one user", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);

  await page.goto("/usage?range=24h");
  await expect(page.getByText(/Calls made with everyone on this hub/)).toBeVisible();
  await expect(page.getByRole("figure", { name: "Active sessions by transport" })).toBeVisible();
  await expect(page.locator("dt", { hasText: "Live sessions now" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Requests per key" }).getByRole("img")).toHaveAttribute("aria-label", new RegExp(KEY_NAME));
  await capture(page, testInfo, "usage-dashboard-admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("figure", { name: "Calls over time" })).toBeInViewport({ ratio: 0.1 });
  await capture(page, testInfo, "usage-dashboard-admin-phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Narrow to OWNER with the user filter (a GET form: the choice lands in the URL).
  await page.getByLabel("User", { exact: true }).selectOption({ label: OWNER.email });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]user=[0-9a-f-]{36}/);
  await expect(page.getByText(`Calls made with ${OWNER.email}`)).toBeVisible();
  await page.getByLabel("User", { exact: true }).selectOption({ label: OTHER.email });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "No calls in the last 24 h" })).toBeVisible();

  // Everyone's call log names each call's user.
  await page.goto("/usage/calls?status=ok");
  await expect(page.getByRole("columnheader", { name: "User" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toContainText(OWNER.email);
  await capture(page, testInfo, "usage-call-log-admin");
});

test.describe("in the viewer's time zone", () => {
  // UTC+5:30: far from the server's zone, and not a whole hour, so a zone mistake cannot hide.
  const ZONE = "Asia/Kolkata";
  test.use({ timezoneId: ZONE });

  /** An instant as a datetime-local value ("YYYY-MM-DDTHH:mm") in ZONE. */
  function localInputValue(ms: number): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(ms)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  test("call times print in the viewer's zone, and the time filter reads local input", async ({ page }, testInfo) => {
    await signIn(page, OWNER);

    await page.goto("/usage/calls");
    const newest = page.locator("tbody tr").first().locator("time");
    const at = Date.parse((await newest.getAttribute("datetime")) ?? "");
    expect(Number.isNaN(at)).toBe(false);
    const [, localTime] = localInputValue(at).split("T");
    const [hour, minute] = localTime.split(":").map(Number);
    await expect(newest, "printed in the viewer's zone").toContainText(new RegExp(`\\b(0?${hour % 12 || 12}|${String(hour).padStart(2, "0")}):${String(minute).padStart(2, "0")}\\b`));

    const minute0 = (ms: number) => ms - (ms % 60_000);
    await page.getByLabel("From").fill(localInputValue(at - 60_000));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]from=/);
    expect(new URL(page.url()).searchParams.get("from"), "the local time went out as the same instant, in UTC").toBe(new Date(minute0(at - 60_000)).toISOString());
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expect(page.getByLabel("From"), "and comes back as local time").toHaveValue(localInputValue(at - 60_000));
    await capture(page, testInfo, "usage-call-log-time-filter");

    await page.getByLabel("From").fill(localInputValue(at + 120_000));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("heading", { name: "No calls match these filters" })).toBeVisible();
  });
});
