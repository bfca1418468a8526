import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { capturePage } from "./support/capture-page";
import { runSb } from "./support/run-sb";
import type { ConsoleAccount } from "./support/console-account";
import { gotoHydrated } from "./support/goto-hydrated";
import { signInThroughForm } from "./support/sign-in-through-form";
import { signedInPage } from "./support/signed-in-page";

// Own accounts, made through the sb CLI on the hub's own database (serve-e2e-hub.ts writes its
// URL into the data folder, which playwright.config.ts derives from the port), so this file
// depends on no other spec's users.
const ADMIN: ConsoleAccount = { email: "tools-admin@example.com", password: "tools admin passphrase" };
const MEMBER: ConsoleAccount = { email: "tools-member@example.com", password: "tools member passphrase" };
const LEAVER: ConsoleAccount = { email: "tools-leaver@example.com", password: "tools leaver passphrase" };
const INVITEE: ConsoleAccount = { email: "tools-invitee@example.com", password: "tools invitee passphrase" };
// A built-in tool no other spec relies on, and an existing replacement for it.
const DEPRECATED_TOOL = "list_directory";
const REPLACEMENT_TOOL = "search_text";
const COMMAND_TOOL = "e2e_say_hello";
const ADMINS_ONLY = "Admins only: your account may not change hub settings.";

type Transport = StreamableHTTPClientTransport | SSEClientTransport;
const TRANSPORTS = {
  streamable: (baseURL: string, key: string) => new StreamableHTTPClientTransport(new URL(`${baseURL}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }),
  sse: (baseURL: string, key: string) => new SSEClientTransport(new URL(`${baseURL}/sse`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }),
} as const;

/** A connected SDK client that counts notifications/tools/list_changed and can wait for the next one. */
async function connectWatchingClient(kind: keyof typeof TRANSPORTS, baseURL: string, key: string) {
  const client = new Client({ name: `tools-admin-e2e-${kind}`, version: "1.0.0" });
  const transport: Transport = TRANSPORTS[kind](baseURL, key);
  let changes = 0;
  let waiters: (() => void)[] = [];
  client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    changes += 1;
    for (const wake of waiters) wake();
    waiters = [];
  });
  await client.connect(transport);
  return {
    kind,
    client,
    /** Resolves once a list_changed arrives after `seen` notifications; rejects after `ms`. */
    changedAfter(seen: number, ms: number): Promise<void> {
      if (changes > seen) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${kind}: no notifications/tools/list_changed within ${ms} ms`)), ms);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    get changes() {
      return changes;
    },
    async descriptionOf(name: string): Promise<string | undefined> {
      const { tools } = await client.listTools();
      return tools.find((tool) => tool.name === name)?.description;
    },
    async metaOf(name: string): Promise<Record<string, unknown> | undefined> {
      const { tools } = await client.listTools();
      return tools.find((tool) => tool.name === name)?._meta;
    },
  };
}

/** An MCP initialize over Streamable HTTP: the smallest request that proves a key authenticates. */
function initializeMcp(request: APIRequestContext, key: string) {
  return request.post("/mcp", {
    headers: { Accept: "application/json, text/event-stream", Authorization: `Bearer ${key}` },
    data: { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "1.0.0" } } },
  });
}

/** Whether an element's text is a saturated red (the browser turns its computed colour into RGB on a canvas, whatever colour space CSS used). */
function isRed(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(element).color;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return r > 120 && r > 2 * g && r > 2 * b;
  });
}

/** A tool's line in the Tools list (a link to its page, named "<name>: <title>, <status>"). */
function toolRow(page: Page, name: string) {
  return page.getByRole("link", { name: new RegExp(`^${name}: `) });
}

function userRow(page: Page, email: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${email.replace(/[.+]/g, "\\$&")}`) }) });
}

test.describe.configure({ mode: "serial" });

let adminKey = "";

test.beforeAll(async () => {
  // Each sb run is a cold tsx start: seconds apiece on a busy 2-core machine.
  test.setTimeout(180_000);
  await runSb(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin"]);
  await runSb(["user", "create", "--email", MEMBER.email, "--password", MEMBER.password, "--role", "member"]);
  await runSb(["user", "create", "--email", LEAVER.email, "--password", LEAVER.password, "--role", "member"]);
  adminKey = await runSb(["key", "create", "--email", ADMIN.email, "--name", "tools-admin e2e SDK"]);
  expect(adminKey).toMatch(/^sb_/);
});

test("admin deprecates a tool: live SDK sessions get tools/list_changed and the new description; the page shows who still calls it", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("baseURL is not configured");
  const clients = await Promise.all([connectWatchingClient("streamable", baseURL, adminKey), connectWatchingClient("sse", baseURL, adminKey)]);
  try {
    // A call before the deprecation: this key is one whom the admin must tell.
    await clients[0].client.callTool({ name: DEPRECATED_TOOL, arguments: { path: "." } });
    for (const watcher of clients) expect(await watcher.descriptionOf(DEPRECATED_TOOL), watcher.kind).not.toContain("[DEPRECATED");

    const page = await signedInPage(browser, ADMIN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tools" }).click();
    // The compact list: one line per tool, grouped by source, searchable and filterable.
    const row = toolRow(page, DEPRECATED_TOOL);
    await expect(row).toContainText("active");
    await expect(row).toContainText("calls / 24 h");
    await expect(page.getByRole("region", { name: /^Built-in/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Command tools/ })).toBeVisible();
    const total = Number((await page.getByRole("status").innerText()).match(/^(\d+) tools$/)?.[1]);
    expect(total).toBeGreaterThan(5);
    await capturePage(page, testInfo, "tools-admin-catalogue");
    await page.getByRole("searchbox", { name: "Search" }).fill("directory list");
    await expect(page.getByRole("status")).toHaveText(`1 of ${total} tools`);
    await expect(page).toHaveURL(/[?&]q=directory\+list/);
    await expect(toolRow(page, "echo")).toHaveCount(0);
    await page.getByRole("combobox", { name: "Source" }).selectOption("command");
    await expect(page.getByRole("status")).toHaveText(`0 of ${total} tools`);
    await expect(page.getByText("No tools match.")).toBeVisible();
    await page.getByRole("link", { name: "Show all tools" }).click();
    await expect(page.getByRole("status")).toHaveText(`${total} tools`);
    await page.getByRole("combobox", { name: "Status" }).selectOption("disabled");
    await expect(page.getByRole("status")).toHaveText(`0 of ${total} tools`);
    await page.goto("/tools");
    await row.click();
    await expect(page).toHaveURL(new RegExp(`/tools/${DEPRECATED_TOOL}$`));
    const card = page.getByRole("article", { name: DEPRECATED_TOOL });
    await expect(card.getByRole("heading", { level: 1, name: DEPRECATED_TOOL })).toBeVisible();
    // The call above may not be in the per-minute rollup yet: "0 calls" or "1 call".
    await expect(card).toContainText(/\d[\d,]* calls? in the last 24 h/);
    await expect(card.getByRole("region", { name: `Who may call ${DEPRECATED_TOOL}` })).toContainText("Admins");
    // Actions look like buttons; the destructive one is red.
    const disable = card.getByRole("button", { name: `Disable ${DEPRECATED_TOOL}` });
    await expect(disable).toHaveCSS("border-top-style", "solid");
    expect(await isRed(disable), "Disable is drawn in red").toBe(true);
    expect(await isRed(card.getByText("Deprecate…")), "Deprecate is not").toBe(false);
    await expect(card.getByText("Deprecate…")).toHaveCSS("border-top-style", "solid");
    await capturePage(page, testInfo, "tools-admin-detail");

    const seen = clients.map((watcher) => watcher.changes);
    await card.getByText("Deprecate…").click();
    const form = card.getByRole("form", { name: `Deprecate ${DEPRECATED_TOOL}` });
    await form.getByLabel("Message to clients").fill("Moving to the search tool.");
    await form.getByLabel("Replacement tool").selectOption(REPLACEMENT_TOOL);
    // A sunset in the past is refused (the date picker offers none; the server refuses one anyway).
    await expect(form.getByLabel("Sunset date")).toHaveAttribute("min", /^\d{4}-\d\d-\d\d$/);
    await form.getByLabel("Sunset date").evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
    await form.getByLabel("Sunset date").fill("2026-01-01");
    await form.getByRole("button", { name: "Deprecate tool" }).click();
    await expect(form.getByText("The sunset 1 Jan 2026, 00:00 UTC is not in the future: pick a later date, or disable it to withdraw it now.")).toBeVisible();
    expect(await clients[0].descriptionOf(DEPRECATED_TOOL), "a refused deprecation changes nothing").not.toContain("[DEPRECATED");
    await form.getByLabel("Sunset date").fill("2099-12-31");
    await form.getByRole("button", { name: "Deprecate tool" }).click();
    await expect(card.getByRole("status")).toContainText(`${DEPRECATED_TOOL} is deprecated`);
    // The service published catalog_changed before answering: every live session hears within a second.
    await Promise.all(clients.map((watcher, index) => watcher.changedAfter(seen[index], 1_000)));
    for (const watcher of clients) {
      expect(await watcher.descriptionOf(DEPRECATED_TOOL), watcher.kind).toMatch(new RegExp(`^\\[DEPRECATED: Use ${REPLACEMENT_TOOL}\\] Moving to the search tool\\. Stops working at 31 Dec 2099, 00:00 UTC\\. `));
      expect(await watcher.metaOf(DEPRECATED_TOOL), watcher.kind).toMatchObject({
        "switchboard.dev/deprecation": { replacement: REPLACEMENT_TOOL, sunset: "2099-12-31T00:00:00.000Z", message: "Moving to the search tool.", deprecatedAt: expect.stringMatching(/^\d{4}-/) },
      });
    }
    await expect(card).toContainText("deprecated");
    await expect(card.getByTestId("client-description")).toContainText(`[DEPRECATED: Use ${REPLACEMENT_TOOL}]`);

    // Who still calls it: the admin's SDK key, by owner and key prefix (the call log is written in batches).
    const callers = card.getByRole("region", { name: `Who still calls ${DEPRECATED_TOOL}` });
    await expect(async () => {
      await page.reload();
      await expect(callers.getByRole("row", { name: new RegExp(ADMIN.email) })).toContainText(`${adminKey.slice(0, 12)}…`, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(callers.getByRole("row", { name: new RegExp(ADMIN.email) }).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await capturePage(page, testInfo, "tools-admin-deprecated-with-callers");

    // Grants: give the tool to the member, then take it back (with a confirmation).
    const grants = card.getByRole("region", { name: `Who may call ${DEPRECATED_TOOL}` });
    await grants.getByLabel(`Grant ${DEPRECATED_TOOL} to`).selectOption({ label: MEMBER.email });
    await grants.getByRole("button", { name: "Grant" }).click();
    await expect(grants.getByRole("status")).toContainText(`granted to ${MEMBER.email}`);
    await grants.getByRole("button", { name: `Remove the grant of ${DEPRECATED_TOOL} to ${MEMBER.email}` }).click();
    const removeDialog = page.getByRole("dialog", { name: `Remove ${DEPRECATED_TOOL} from ${MEMBER.email}?` });
    await removeDialog.getByRole("button", { name: "Remove grant" }).click();
    await expect(removeDialog).toBeHidden();
    await expect(grants.getByRole("button", { name: `Remove the grant of ${DEPRECATED_TOOL} to ${MEMBER.email}` })).toHaveCount(0);
    await expect(grants).toContainText("nobody else yet");

    // Leave the shared catalogue as it was for the specs that follow.
    const beforeClear = clients.map((watcher) => watcher.changes);
    await card.getByRole("button", { name: `Clear the deprecation of ${DEPRECATED_TOOL}` }).click();
    await page.getByRole("dialog", { name: `Clear the deprecation of ${DEPRECATED_TOOL}?` }).getByRole("button", { name: "Clear deprecation" }).click();
    await Promise.all(clients.map((watcher, index) => watcher.changedAfter(beforeClear[index], 2_000)));
    expect(await clients[0].descriptionOf(DEPRECATED_TOOL)).not.toContain("[DEPRECATED");
    await expect(card).toContainText("active");

    // Disable (confirmed) and enable: the tool leaves and rejoins every live session's list.
    const beforeDisable = clients.map((watcher) => watcher.changes);
    await card.getByRole("button", { name: `Disable ${DEPRECATED_TOOL}` }).click();
    await page.getByRole("dialog", { name: `Disable ${DEPRECATED_TOOL}?` }).getByRole("button", { name: "Disable tool" }).click();
    await Promise.all(clients.map((watcher, index) => watcher.changedAfter(beforeDisable[index], 2_000)));
    for (const watcher of clients) expect(await watcher.descriptionOf(DEPRECATED_TOOL), `${watcher.kind} no longer lists it`).toBeUndefined();
    await expect(card).toContainText("disabled");
    const beforeEnable = clients.map((watcher) => watcher.changes);
    await card.getByRole("button", { name: `Enable ${DEPRECATED_TOOL}` }).click();
    await Promise.all(clients.map((watcher, index) => watcher.changedAfter(beforeEnable[index], 2_000)));
    for (const watcher of clients) expect(await watcher.descriptionOf(DEPRECATED_TOOL), `${watcher.kind} lists it again`).toBeDefined();
    await expect(card).toContainText("active");
  } finally {
    await Promise.all(clients.map((watcher) => watcher.client.close()));
  }
});

test("a member sees tools read-only, cannot open admin pages and cannot run an admin Server Action", async ({ browser, baseURL }, testInfo) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const member = await signedInPage(browser, MEMBER);
  await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  const adminPaths = ["/admin", "/admin/users", "/admin/policies", "/admin/audit", "/admin/command-tools"];
  for (const path of adminPaths) {
    const response = await member.goto(path);
    expect(response?.status(), `${path} refuses members`).toBe(403);
    await expect(member.getByRole("heading", { name: "Admins only" })).toBeVisible();
    // The raw answer, streamed page data included, must carry nothing only admins may read.
    const raw = await member.request.get(path, { maxRedirects: 0 });
    expect(await raw.text(), `${path} leaks admin data to a member`).not.toContain(ADMIN.email);
  }
  // Signed out, the admin pages redirect to /login and stream nothing of theirs either.
  const anonymous = await browser.newContext();
  for (const path of adminPaths) {
    const raw = await anonymous.request.get(new URL(path, baseURL).href, { maxRedirects: 0 });
    expect(raw.status(), `${path} redirects the signed-out`).toBe(307);
    expect(await raw.text(), `${path} leaks admin data when signed out`).not.toContain(ADMIN.email);
  }
  await anonymous.close();
  await capturePage(member, testInfo, "admin-refused-for-member");

  await member.goto("/tools");
  await expect(toolRow(member, "echo")).toBeVisible();
  await expect(toolRow(member, "read_file"), "not granted to members").toHaveCount(0);
  await capturePage(member, testInfo, "tools-member-list");
  await toolRow(member, "echo").click();
  await expect(member.getByRole("heading", { level: 1, name: "echo" })).toBeVisible();
  await expect(member.getByRole("region", { name: "Input schema" })).toContainText('"message"');
  await expect(member.getByRole("button", { name: /^(Disable|Enable) / })).toHaveCount(0);
  await expect(member.getByText("Deprecate…")).toHaveCount(0);
  await capturePage(member, testInfo, "tools-member-read-only");
  expect((await member.goto("/tools/read_file"))?.status(), "a tool the member may not call is not found").toBe(404);

  // Record the admin's "disable user" Server Action without letting it reach the hub...
  const admin = await signedInPage(browser, ADMIN);
  await gotoHydrated(admin, "/admin/users");
  let captured: { headers: Record<string, string>; body: string } | undefined;
  await admin.route("**/admin/users", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { headers: request.headers(), body: request.postData() ?? "" };
    await route.abort();
  });
  await userRow(admin, LEAVER.email).getByRole("button", { name: `Disable ${LEAVER.email}` }).click();
  await admin.getByRole("dialog", { name: `Disable ${LEAVER.email}?` }).getByRole("button", { name: "Disable user" }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.unroute("**/admin/users");

  // ...and replay it, same origin, with the member's session: the action itself refuses.
  const replay = await member.request.post("/tools", {
    headers: { "next-action": captured!.headers["next-action"], "content-type": captured!.headers["content-type"], accept: "text/x-component", origin: baseURL },
    data: captured!.body,
  });
  expect(await replay.text()).toContain(ADMINS_ONLY);
  await admin.goto("/admin/users");
  await expect(userRow(admin, LEAVER.email)).toContainText("active");
});

test("admin manages users: create, invite by one-time link, change role, disable (keys stop at once)", async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await capturePage(page, testInfo, "admin-overview");
  await page.getByRole("link", { name: /^Users/ }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  // Create: a too-short password is refused by the form schema, then the real thing.
  const create = page.getByRole("form", { name: "Create a user" });
  const created = { email: "tools-created@example.com", password: "tools created passphrase" };
  await create.getByLabel("Email").fill(created.email);
  await create.getByLabel("Initial password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
  await create.getByLabel("Initial password").fill("short");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByText("Use at least 12 characters")).toBeVisible();
  await create.getByLabel("Initial password").fill(created.password);
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toContainText(`Created member ${created.email}`);
  await expect(userRow(page, created.email)).toContainText("active");

  // Role change, both ways.
  const createdRow = userRow(page, created.email);
  await createdRow.getByLabel(`Role of ${created.email}`, { exact: true }).selectOption("admin");
  await createdRow.getByRole("button", { name: `Save the role of ${created.email}` }).click();
  await expect(createdRow.getByRole("status")).toContainText("is now an admin");
  await createdRow.getByLabel(`Role of ${created.email}`, { exact: true }).selectOption("member");
  await createdRow.getByRole("button", { name: `Save the role of ${created.email}` }).click();
  await expect(createdRow.getByRole("status")).toContainText("is now a member");

  // Invite: the link is shown once and works once.
  const invite = page.getByRole("form", { name: "Invite by link" });
  await invite.getByLabel("Email").fill(INVITEE.email);
  await invite.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await invite.getByLabel("Invitation link", { exact: true }).innerText()).trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("region", { name: "Open invitations" })).toContainText(INVITEE.email);
  await capturePage(page, testInfo, "admin-users");
  const invitee = await (await browser.newContext()).newPage();
  await gotoHydrated(invitee, link);
  await expect(invitee.getByText(`You were invited as ${INVITEE.email}`)).toBeVisible();
  await capturePage(invitee, testInfo, "invite-accept");
  await invitee.getByLabel("Password").fill(INVITEE.password);
  await invitee.getByRole("button", { name: "Create account" }).click();
  // Signed in at once with the password just chosen: no second trip through /login.
  await expect(invitee).toHaveURL(/\/keys$/);
  await expect(invitee.locator("summary", { hasText: `Account menu for ${INVITEE.email}` })).toBeVisible();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Invitation not usable" })).toBeVisible();

  // Disable: the user's key is refused at once, and so is their console session.
  const leaverKey = await runSb(["key", "create", "--email", LEAVER.email, "--name", "leaver laptop"]);
  expect((await initializeMcp(request, leaverKey)).status()).toBe(200);
  const leaver = await signedInPage(browser, LEAVER);
  await page.reload();
  const leaverRow = userRow(page, LEAVER.email);
  await leaverRow.getByRole("button", { name: `Disable ${LEAVER.email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${LEAVER.email}?` });
  await expect(dialog).toContainText("API keys stop working");
  await capturePage(page, testInfo, "admin-users-disable-confirm");
  await dialog.getByRole("button", { name: "Disable user" }).click();
  await expect(dialog).toBeHidden();
  await expect(leaverRow).toContainText("disabled");
  await expect(leaverRow.getByRole("status")).toContainText("is disabled");
  expect((await initializeMcp(request, leaverKey)).status(), "a disabled user's key is refused").toBe(401);
  await leaver.goto("/keys");
  await expect(leaver).toHaveURL(/\/login/);
});

test("admin sets a role's rate limit and finds the changes in the audit log", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, ADMIN);
  await gotoHydrated(page, "/admin/policies");
  const members = page.getByRole("form", { name: "Members" });
  await members.getByLabel("Tool calls per key for members").fill("ten per minute");
  await members.getByRole("button", { name: "Save" }).click();
  await expect(members.getByText(/Invalid rate limit/)).toBeVisible();
  await members.getByLabel("Tool calls per key for members").fill("120/1m");
  await members.getByRole("button", { name: "Save" }).click();
  await expect(members.getByRole("status")).toContainText("120/1m");
  await expect(members).toContainText("(set for this role)");
  await capturePage(page, testInfo, "admin-policies");
  // Back to the default: later specs count on the built-in member limit.
  await members.getByLabel("Tool calls per key for members").fill("");
  await members.getByRole("button", { name: "Save" }).click();
  await expect(members.getByRole("status")).toContainText("back on the default");

  await gotoHydrated(page, "/admin/audit");
  await page.getByLabel("Actor").fill(ADMIN.email);
  await page.getByLabel("Action").fill("user.");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=user\./);
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "user.disable" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "user.create" }).first()).toContainText("tools-created@example.com");
  await expect(rows.filter({ hasText: "rate_limit_policy.set" })).toHaveCount(0);
  await capturePage(page, testInfo, "admin-audit");
  await page.getByLabel("Action").fill("rate_limit_policy.set");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // Field by field (old → new), JSON on demand: the newest change put the limit back to the default.
  const reset = rows.filter({ hasText: "rate_limit_policy.set" }).first();
  await expect(reset.getByRole("definition").filter({ hasText: "120/1m" })).toContainText(/^\s*120\/1m\s*→/);
  const json = reset.locator("pre");
  await expect(json).toBeHidden();
  await reset.getByText("JSON", { exact: true }).click();
  await expect(json).toBeVisible();
  expect(JSON.parse(await json.innerText())).toEqual({ before: "120/1m", after: null });
  await capturePage(page, testInfo, "admin-audit-change-json");
});

test("admin defines a command tool with a pattern-checked parameter, then deletes it", async ({ browser, baseURL }, testInfo) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const page = await signedInPage(browser, ADMIN);
  await gotoHydrated(page, "/admin/command-tools");
  const form = page.getByRole("form", { name: "New command tool" });
  await form.getByLabel("Name", { exact: true }).fill(COMMAND_TOOL);
  await form.getByLabel("Title").fill("Say hello");
  await form.getByLabel("Description", { exact: true }).fill("Prints a greeting for a lowercase name.");
  await form.getByLabel("Command (argv)").fill("echo\nhello\n{{who}}");
  await form.getByRole("button", { name: "Add parameter" }).click();
  const parameter = form.getByRole("group", { name: "Parameter 1", exact: true });
  await parameter.getByLabel("Name").fill("who");
  await parameter.getByLabel("Description (shown to the model)").fill("Lowercase name to greet");
  await parameter.getByLabel("Pattern (regular expression)").fill("^[a-z]+$");
  await form.getByLabel("Timeout (seconds)").fill("10");
  await capturePage(page, testInfo, "admin-command-tool-form");
  await form.getByRole("button", { name: "Create command tool" }).click();
  await expect(page.getByRole("heading", { level: 2, name: COMMAND_TOOL })).toBeVisible();

  // An MCP client may call it as an admin; the pattern refuses anything else before it runs.
  const client = new Client({ name: "tools-admin-e2e-command", version: "1.0.0" });
  await client.connect(TRANSPORTS.streamable(baseURL, adminKey));
  try {
    // The hub's tool snapshot refreshes on catalog_changed, a moment after the answer.
    await expect(async () => {
      const ok = await client.callTool({ name: COMMAND_TOOL, arguments: { who: "ada" } });
      expect(JSON.stringify(ok.content)).toContain("hello ada");
    }).toPass({ timeout: 5_000 });
    const refused = await client.callTool({ name: COMMAND_TOOL, arguments: { who: "Ada; rm -rf /" } });
    expect(refused.isError).toBe(true);
  } finally {
    await client.close();
  }

  await page.getByRole("link", { name: `Edit ${COMMAND_TOOL}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: COMMAND_TOOL })).toBeVisible();
  await capturePage(page, testInfo, "admin-command-tool-edit");
  await gotoHydrated(page, "/admin/command-tools");
  await page.getByRole("button", { name: `Delete ${COMMAND_TOOL}` }).click();
  await page.getByRole("dialog", { name: `Delete ${COMMAND_TOOL}?` }).getByRole("button", { name: "Delete tool" }).click();
  await expect(page.getByRole("heading", { level: 2, name: COMMAND_TOOL })).toHaveCount(0);
});
