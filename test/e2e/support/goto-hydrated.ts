import type { Page } from "@playwright/test";

/** Opens `url` and waits until React has hydrated the page's forms or buttons (clicks before that are lost). */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll("main form, main button")].some((element) => Object.keys(element).some((key) => key.startsWith("__reactProps"))));
}
