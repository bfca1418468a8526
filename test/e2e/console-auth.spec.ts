import { expect, test } from "@playwright/test";
import { capturePage } from "./support/capture-page";
import { signInThroughForm } from "./support/sign-in-through-form";
import { signOutThroughMenu } from "./support/sign-out-through-menu";
import { signUpThroughForm } from "./support/sign-up-through-form";

const ADMIN = { email: "ada@example.com", password: "correct horse battery staple" };
const MEMBER = { email: "grace@example.com", password: "another long passphrase" };

// One hub, one database: the first account becomes admin, so these run in order.
test.describe.configure({ mode: "serial" });

test("health and readiness answer without a session", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", version: expect.any(String) });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
});

test("pages without a session redirect to /login; a fresh hub's / goes to sign-up", async ({ page }, testInfo) => {
  const expectations = [
    ["/", "/signup"],
    ["/keys", "/login"],
    ["/tools", "/login?callbackUrl=%2Ftools"],
    ["/usage?range=7d", "/login?callbackUrl=%2Fusage%3Frange%3D7d"],
    ["/admin", "/login?callbackUrl=%2Fadmin"],
  ] as const;
  for (const [path, login] of expectations) {
    await page.goto(path);
    await expect(page, `${path} should redirect`).toHaveURL((url) => `${url.pathname}${url.search}` === login);
  }
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create the admin account" })).toBeVisible();
  await capturePage(page, testInfo, "login");
});

test("the favicon and a 404 page with navigation that suits the visitor", async ({ page, request }, testInfo) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  expect((await icon.body()).subarray(0, 4).toString("hex"), "an ICO file").toBe("00000100");

  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your keys" }), "signed out: keys would only bounce to /login").toHaveCount(0);
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/no-such-page");
  await page.getByRole("link", { name: "Switchboard" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await capturePage(page, testInfo, "not-found-signed-out");
});

test("the first user signs up as admin, signs out, is refused a wrong password, signs in again", async ({ page }, testInfo) => {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();
  await capturePage(page, testInfo, "signup-first-admin");
  await signUpThroughForm(page, ADMIN);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mint your first key" })).toBeVisible();
  await capturePage(page, testInfo, "keys");
  for (const [link, heading] of [["Tools", "Tools"], ["Usage", "Usage"], ["Admin", "Admin"]] as const) {
    await nav.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
    await capturePage(page, testInfo, link.toLowerCase());
  }

  // Signed in, the 404 page keeps the console's navigation.
  const missing = await page.goto("/keys/nothing-here");
  expect(missing?.status()).toBe(404);
  await expect(nav.getByRole("link", { name: "Usage" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your keys" })).toBeVisible();
  await capturePage(page, testInfo, "not-found-signed-in");
  await page.getByRole("link", { name: "Go to your keys" }).click();
  await expect(page).toHaveURL(/\/keys$/);

  await signOutThroughMenu(page);
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/login$/);
  // Once the admin exists, / is the console again (signed out: sign-in).
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);

  // Next renders its own (empty) role=alert route announcer; the form's alert is the one inside the form.
  const formAlert = page.locator("form [role=alert]");
  await signInThroughForm(page, { email: ADMIN.email, password: "not the password" });
  await expect(formAlert).toHaveText("Wrong email or password");
  await page.goto("/login");
  await expect(formAlert).toHaveText("");
  await signInThroughForm(page, { email: "nobody@example.com", password: ADMIN.password });
  await expect(formAlert).toHaveText("Wrong email or password");
  await capturePage(page, testInfo, "login-wrong-password");

  await signInThroughForm(page, ADMIN);
  await expect(page).toHaveURL(/\/keys$/);
  await expect(nav.getByRole("link", { name: "Admin" })).toBeVisible();

  // Signed out, a deep link survives the detour through /login.
  await signOutThroughMenu(page);
  await page.goto("/admin");
  await signInThroughForm(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
  // A forged callback to another site lands on /keys instead.
  await signOutThroughMenu(page);
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signInThroughForm(page, ADMIN);
  await expect(page).toHaveURL(/\/keys$/);
});

test("a later sign-up is a member: no Admin nav, and /admin answers 403", async ({ page }, testInfo) => {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await signUpThroughForm(page, MEMBER);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Keys" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status(), "a real 403, not a page that merely says so").toBe(403);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Keys" }), "inside the console shell").toBeVisible();
  await capturePage(page, testInfo, "admin-forbidden");
});

test("signing up with a taken email is refused on the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("yet another long passphrase");
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("the theme toggle switches and survives a reload", async ({ page }, testInfo) => {
  await page.goto("/login");
  await signInThroughForm(page, ADMIN);
  await expect(page).toHaveURL(/\/keys$/);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "system");
  await page.getByRole("button", { name: /^Theme: system/ }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  const lightBackground = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  await page.getByRole("button", { name: /^Theme: light/ }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("body"), "dark styles apply, not just the attribute").not.toHaveCSS("background-color", lightBackground);
  await capturePage(page, testInfo, "keys-dark");
});
