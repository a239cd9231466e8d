/**
 * Screenshots a journey keeps: files under test-results/screenshots (global setup empties it, so
 * what is there was taken by this run) and attachments in the HTML report.
 */
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";

export const SCREENSHOTS_DIR = join(import.meta.dirname, "..", "test-results", "screenshots");

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
