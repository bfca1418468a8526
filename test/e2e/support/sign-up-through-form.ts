import { expect, type Page } from "@playwright/test";
import type { ConsoleAccount } from "./console-account";

/** Creates an account on /signup (sign-up must be open, or the hub empty) and lands on /keys signed in. */
export async function signUpThroughForm(page: Page, account: ConsoleAccount): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page).toHaveURL(/\/keys$/);
}
