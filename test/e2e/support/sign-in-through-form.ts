import type { Page } from "@playwright/test";
import type { ConsoleAccount } from "./console-account";

/**
 * Fills and submits the sign-in form on the current page (open /login first). Does not wait for
 * the outcome: callers assert the redirect or the refusal they expect.
 */
export async function signInThroughForm(page: Page, account: ConsoleAccount): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
