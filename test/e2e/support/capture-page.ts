import type { Page, TestInfo } from "@playwright/test";

/** Full-page screenshot, attached to the report and kept under test-results/ as `<name>.png`. */
export async function capturePage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
