import { expect, type Browser, type Page } from "@playwright/test";
import type { ConsoleAccount } from "./console-account";
import { gotoHydrated } from "./goto-hydrated";
import { signInThroughForm } from "./sign-in-through-form";

/** A fresh browser context signed in as `account` (landing on /keys). */
export async function signedInPage(browser: Browser, account: ConsoleAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await gotoHydrated(page, "/login");
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/keys$/);
  return page;
}
