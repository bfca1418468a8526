import { expect, type Page } from "@playwright/test";

/** Signs out through the user menu in the console header and waits for /login. */
export async function signOutThroughMenu(page: Page): Promise<void> {
  await page.locator("summary", { hasText: "Account menu for" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}
