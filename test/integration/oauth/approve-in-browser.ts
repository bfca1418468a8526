import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";

export interface ConsentBrowser {
  /**
   * Opens an authorization URL, signs in on the console's login page if asked, and answers the
   * consent page (Allow, or Deny; `tools` narrows to those tools). Resolves once the browser has
   * left the hub (the client's redirect URI was reached) or `stayOnHub` shows an error page there.
   */
  authorize(url: string, account: { email: string; password: string }, answer?: { deny?: boolean; tools?: string[] }): Promise<void>;
  /** Clicks Allow on the consent page of an authorization URL and resolves the refusal the page then shows. */
  allowRefused(url: string, account: { email: string; password: string }): Promise<string>;
  /** Opens an authorization URL (signing in if asked) and waits until the browser has left the hub. */
  follow(url: string, account: { email: string; password: string }): Promise<void>;
  /** The text of the page an authorization URL shows (for refusals that must not redirect). */
  pageText(url: string, account: { email: string; password: string }): Promise<string>;
  close(): Promise<void>;
}

/** Debian's Chromium through Playwright, one fresh profile per test file. */
export async function launchConsentBrowser(hubUrl: string): Promise<ConsentBrowser> {
  const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context: BrowserContext = await browser.newContext();
  const open = async (url: string, account: { email: string; password: string }) => {
    const page = await context.newPage();
    await page.goto(url);
    if (new URL(page.url()).pathname === "/login") {
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((current) => current.pathname !== "/login", { timeout: 30_000 });
    }
    return page;
  };
  const withPage = async <T>(url: string, account: { email: string; password: string }, use: (page: Page) => Promise<T>): Promise<T> => {
    const page = await open(url, account);
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  };
  return {
    authorize: (url, account, answer = {}) =>
      withPage(url, account, async (page) => {
        await page.getByRole("heading", { name: /Allow .* to use Switchboard as you\?/ }).waitFor({ timeout: 30_000 });
        if (answer.tools) {
          await page.getByLabel("Only the tools I pick").check();
          for (const tool of answer.tools) await page.getByLabel(tool, { exact: true }).check();
        }
        await page.getByRole("button", { name: answer.deny ? "Deny" : "Allow" }).click();
        await page.waitForURL((current) => current.origin !== new URL(hubUrl).origin, { timeout: 30_000 });
      }),
    allowRefused: (url, account) =>
      withPage(url, account, async (page) => {
        await page.getByRole("button", { name: "Allow" }).click();
        await page.waitForURL((current) => current.searchParams.has("consent_error"), { timeout: 30_000 });
        return page.locator("[role=alert] > p").innerText();
      }),
    follow: (url, account) =>
      withPage(url, account, (page) => page.waitForURL((current) => current.origin !== new URL(hubUrl).origin, { timeout: 30_000 })),
    pageText: (url, account) =>
      withPage(url, account, async (page) => {
        await page.getByRole("heading").first().waitFor({ timeout: 30_000 });
        return page.locator("body").innerText();
      }),
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}
