import { defineConfig } from "@playwright/test";
import { SAFETY_NET_MS } from "@atlas/test-config";
import { chromiumLaunchOptions } from "./src/chromium.ts";

export default defineConfig({
  testDir: "tests",
  globalSetup: "./src/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Safety nets, not budgets: a loaded machine may render many times slower than usual.
  timeout: SAFETY_NET_MS,
  expect: { timeout: 2 * 60_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results/artifacts",
  use: {
    // Dates are written in the browser's language (its Accept-Language): the journeys read British.
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
