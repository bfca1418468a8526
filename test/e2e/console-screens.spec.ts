import { mkdirSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { ConsoleAccount } from "./support/console-account";
import { runSb } from "./support/run-sb";
import { signInThroughForm } from "./support/sign-in-through-form";

// Runs last (its own Playwright project), on a hub the other specs filled with users, keys,
// calls, deprecations and audit events; it adds its own accounts and a few calls on top.
const ADMIN: ConsoleAccount = { email: "screens-admin@example.com", password: "screens admin passphrase" };
const MEMBER: ConsoleAccount = { email: "screens-member@example.com", password: "screens member passphrase" };
const SCREENSHOTS = path.resolve(import.meta.dirname, "screenshots");

/** Every console page, with the account that sees it (null: signed out). Add new pages here. */
const PAGES: { name: string; path: string; as: "admin" | "member" | null; status?: number }[] = [
  { name: "login", path: "/login", as: null },
  { name: "signup", path: "/signup", as: null },
  { name: "invite-unusable", path: "/invite/not-a-real-invitation-token-000000000000000", as: null },
  { name: "not-found", path: "/no-such-page", as: null, status: 404 },
  { name: "keys", path: "/keys", as: "admin" },
  { name: "tools", path: "/tools", as: "admin" },
  { name: "tool-deprecated", path: "/tools/run_tests", as: "admin" },
  { name: "tool-active", path: "/tools/echo", as: "admin" },
  { name: "usage", path: "/usage", as: "admin" },
  { name: "usage-calls", path: "/usage/calls", as: "admin" },
  { name: "admin", path: "/admin", as: "admin" },
  { name: "admin-users", path: "/admin/users", as: "admin" },
  { name: "admin-policies", path: "/admin/policies", as: "admin" },
  { name: "admin-audit", path: "/admin/audit", as: "admin" },
  { name: "admin-command-tools", path: "/admin/command-tools", as: "admin" },
  { name: "admin-command-tool-edit", path: "/admin/command-tools/run_tests_v2", as: "admin" },
  { name: "admin-servers", path: "/admin/servers", as: "admin" },
  { name: "member-keys", path: "/keys", as: "member" },
  { name: "member-tools", path: "/tools", as: "member" },
  { name: "member-tool", path: "/tools/echo", as: "member" },
  { name: "member-usage", path: "/usage", as: "member" },
  { name: "member-admin-refused", path: "/admin", as: "member", status: 403 },
];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const THEMES = ["light", "dark"] as const;

async function signedInPage(browser: Browser, account: ConsoleAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.waitForFunction(() => [...document.querySelectorAll("main form")].some((element) => Object.keys(element).some((key) => key.startsWith("__reactProps"))));
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/keys$/);
  return page;
}

/** Controls (buttons, links, fields) of the page that stick out of the viewport sideways, e.g. actions hidden in a scrolling table. */
function controlsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>("button, a[href], input:not([type=hidden]), select, textarea, summary")]
      .filter((element) => element.offsetParent !== null && !element.closest("dialog:not([open]), details:not([open]) > :not(summary), .sr-only"))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > width + 1);
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`);
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  // Each sb run is a cold tsx start: seconds apiece on a busy 2-core machine.
  test.setTimeout(180_000);
  await runSb(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin"]);
  await runSb(["user", "create", "--email", MEMBER.email, "--password", MEMBER.password, "--role", "member"]);
  await runSb(["key", "create", "--email", MEMBER.email, "--name", "phone – Claude Code on a long key name"]);
  // A few calls with a named key, so usage, the call log and the charts have data.
  const key = await runSb(["key", "create", "--email", ADMIN.email, "--name", "laptop – Claude Code"]);
  const client = new Client({ name: "screens-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseURL}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  try {
    for (const message of ["one", "two", "three"]) await client.callTool({ name: "echo", arguments: { message } });
    await client.callTool({ name: "run_tests", arguments: { pattern: "nothing matches this" } });
    await client.callTool({ name: "read_file", arguments: { path: "../outside" } });
  } finally {
    await client.close();
  }
});

test("every page fits a phone and a desktop, in light and dark; screenshots of each", async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pages = { admin: await signedInPage(browser, ADMIN), member: await signedInPage(browser, MEMBER), null: await (await browser.newContext()).newPage() };
  // The call log is written in batches: wait until the admin's calls are listed.
  await expect(async () => {
    await pages.admin.goto("/usage/calls");
    await expect(pages.admin.getByRole("table", { name: "Calls, newest first" })).toContainText("laptop – Claude Code", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const problems: string[] = [];
  for (const entry of PAGES) {
    const page = pages[entry.as ?? "null"];
    for (const [viewport, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: THEMES[0] });
      const response = await page.goto(entry.path);
      expect(response?.status(), `${entry.path} as ${entry.as ?? "visitor"}`).toBe(entry.status ?? 200);
      await page.waitForLoadState("networkidle");
      for (const theme of THEMES) {
        // The theme is CSS (prefers-color-scheme) alone: it switches on the loaded page, no second load.
        await page.emulateMedia({ colorScheme: theme });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${entry.name} (${viewport}, ${theme}): the page is ${overflow} px wider than the screen`);
        const offScreen = await controlsOffScreen(page);
        if (offScreen.length > 0) problems.push(`${entry.name} (${viewport}, ${theme}): off-screen ${offScreen.join(", ")}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${entry.name}-${viewport}-${theme}.png`), fullPage: true, animations: "disabled" });
      }
    }
  }
  expect(problems, "nothing overflows and every control is on screen").toEqual([]);
});

test("on a phone, tables become cards whose actions are on screen, and dialogs read left to right", async ({ browser }) => {
  const page = await signedInPage(browser, MEMBER);
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/keys");
  const table = page.getByRole("table", { name: "Your API keys" });
  const row = table.getByRole("row", { name: /phone – Claude Code on a long key name/ });
  await expect(row.locator("td[data-label=Created]")).toBeVisible();
  const revoke = row.getByRole("button", { name: /^Revoke key / });
  await expect(revoke).toBeInViewport();
  const name = row.getByRole("rowheader");
  expect((await name.boundingBox())?.height, "the key name is not wrapped one word per line").toBeLessThan(60);
  await revoke.click();
  const dialog = page.getByRole("dialog", { name: /^Revoke “phone/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("loses access immediately")).toHaveCSS("text-align", /^(left|start)$/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
