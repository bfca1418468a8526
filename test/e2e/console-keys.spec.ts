import { expect, test, type APIRequestContext } from "@playwright/test";
import { capturePage } from "./support/capture-page";
import { signInThroughForm } from "./support/sign-in-through-form";
import { signUpThroughForm } from "./support/sign-up-through-form";

// Its own account (a member: console-auth.spec.ts ran first and made the admin; sign-up stays
// open through SWITCHBOARD_ALLOW_SIGNUP=true in playwright.config.ts).
const OWNER = { email: "keys-owner@example.com", password: "keys owner passphrase" };

/** An MCP initialize over Streamable HTTP: the smallest request that proves a key authenticates. */
function initializeMcp(request: APIRequestContext, key: string | null) {
  return request.post("/mcp", {
    headers: { Accept: "application/json, text/event-stream", ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    data: { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "1.0.0" } } },
  });
}

test.describe.configure({ mode: "serial" });

test("mint a key, see the secret once with client snippets, use it, revoke it", async ({ page, request, baseURL }, testInfo) => {
  await signUpThroughForm(page, OWNER);

  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await page.getByLabel("Name").fill("laptop – Claude Code");
  await page.getByLabel("Expires").selectOption("30d");
  await page.getByRole("button", { name: "Mint key" }).click();

  const reveal = page.locator("section[aria-labelledby=secret-title]");
  await expect(reveal.getByRole("heading", { name: "Key “laptop – Claude Code” is ready" })).toBeVisible();
  const secret = (await reveal.locator("pre").first().innerText()).trim();
  expect(secret).toMatch(/^sb_[0-9A-Za-z]{38}$/);
  await expect(reveal).toContainText(`claude mcp add --transport http switchboard ${baseURL}/mcp --header "Authorization: Bearer ${secret}"`);
  await expect(reveal).toContainText(`claude mcp add --transport sse switchboard ${baseURL}/sse --header "Authorization: Bearer ${secret}"`);
  await expect(reveal).toContainText(`"url": "${baseURL}/mcp"`);
  for (const label of ["the API key", "the claude mcp add command for Streamable HTTP", "the claude mcp add command for SSE", "the .mcp.json snippet"]) {
    await expect(page.getByRole("button", { name: `Copy ${label}` })).toBeVisible();
  }
  await capturePage(page, testInfo, "keys-secret-shown-once");

  expect((await initializeMcp(request, secret)).status(), "the new key opens an MCP session").toBe(200);
  expect((await initializeMcp(request, null)).status(), "no key, no session").toBe(401);

  await page.getByRole("button", { name: "I have copied it" }).click();
  const row = page.getByRole("row", { name: /laptop – Claude Code/ });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("active");
  expect(await page.content(), "the secret is gone from the page").not.toContain(secret);
  await page.reload();
  expect(await page.content(), "and is never rendered again").not.toContain(secret);
  await capturePage(page, testInfo, "keys-list");

  await row.getByRole("button", { name: "Revoke key laptop – Claude Code" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “laptop – Claude Code”?" });
  await expect(dialog).toBeVisible();
  await capturePage(page, testInfo, "keys-revoke-confirm");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");
  expect((await initializeMcp(request, secret)).status(), "a revoked key is refused").toBe(401);
});

test("a key can be limited to picked tools and to a lifetime", async ({ page }) => {
  await page.goto("/login");
  await signInThroughForm(page, OWNER);
  await expect(page).toHaveURL(/\/keys$/);
  await page.getByRole("button", { name: "Mint a key" }).click();
  await page.getByLabel("Name").fill("echo only");
  await page.getByLabel("Expires").selectOption("7d");
  await page.getByRole("radio", { name: /Only the tools I pick/ }).check();
  await page.getByRole("checkbox", { name: "echo" }).check();
  await page.getByRole("button", { name: "Mint key" }).click();
  await page.getByRole("button", { name: "I have copied it" }).click();
  const row = page.getByRole("row", { name: /echo only/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("echo");
  const expires = await row.locator("time").last().getAttribute("datetime");
  const days = (Date.parse(expires ?? "") - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(7.1);
});

test("a Server Action posted from another origin is refused (CSRF)", async ({ page }) => {
  await page.goto("/login");
  await signInThroughForm(page, OWNER);
  await expect(page).toHaveURL(/\/keys$/);

  // Pretend the form was submitted from a page on another site: same cookies, foreign Origin.
  let forgedStatus: (status: number) => void = () => undefined;
  const forgedAnswered = new Promise<number>((resolve) => (forgedStatus = resolve));
  await page.route("**/keys", async (route) => {
    const headers = route.request().headers();
    if (route.request().method() !== "POST" || !headers["next-action"]) return route.continue();
    const response = await route.fetch({ headers: { ...headers, origin: "https://evil.example" } });
    forgedStatus(response.status());
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Mint a key" }).click();
  await page.getByLabel("Name").fill("forged");
  await page.getByRole("button", { name: "Mint key" }).click();
  expect(await forgedAnswered, "Next refuses the cross-origin action").toBeGreaterThanOrEqual(400);
  await page.unroute("**/keys");
  await page.goto("/keys");
  await expect(page.getByRole("row", { name: /forged/ })).toHaveCount(0);
});

test("the tools page lists what the member's keys can call, with input schemas", async ({ page }, testInfo) => {
  await page.goto("/login");
  await signInThroughForm(page, OWNER);
  await expect(page).toHaveURL(/\/keys$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tools" }).click();
  // echo is public: every member may call it without a grant.
  const echo = page.getByRole("link", { name: /^echo: / });
  await expect(echo).toBeVisible();
  await capturePage(page, testInfo, "tools");
  await echo.click();
  await expect(page.getByRole("heading", { level: 1, name: "echo" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Input schema" }).locator("pre")).toContainText('"type": "object"');
});

test("on a phone the console fits the screen: navigation reachable, wide tables scroll inside their box", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await signInThroughForm(page, OWNER);
  await expect(page).toHaveURL(/\/keys$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const link of ["Keys", "Tools", "Usage"]) await expect(nav.getByRole("link", { name: link })).toBeVisible();
  await expect(page.getByRole("table", { name: "Your API keys" })).toBeAttached();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no sideways scrolling of the whole page").toBeLessThanOrEqual(0);
  await capturePage(page, testInfo, "keys-mobile");
});
