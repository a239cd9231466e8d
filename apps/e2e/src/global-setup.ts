/**
 * Playwright global setup: a private seeded database, then both apps' production builds on
 * loopback ports in test mode, pointed at it, a second web server on the same database whose
 * clock stands just after midnight in Pacific/Kiritimati (src/clock.ts), and a third with billing
 * on against the local fake Stripe (the billing journeys; the others run with billing off).
 * Teardown stops exactly those processes and drops the databases.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { kiritimatiMidnightOffset } from "./clock.ts";
import { SCREENSHOTS_DIR } from "./screenshots.ts";
import { startTestStack } from "./test-stack.ts";

/** Five loopback ports from E2E_PORT_BASE (default 3100): two checkouts can run side by side. */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const WEB_PORT = PORT_BASE;
export const ADMIN_PORT = PORT_BASE + 1;
export const CLOCK_WEB_PORT = PORT_BASE + 2;
export const BILLING_WEB_PORT = PORT_BASE + 3;
export const FAKE_STRIPE_PORT = PORT_BASE + 4;

export default async function globalSetup() {
  const resultsDir = join(import.meta.dirname, "..", "test-results");
  mkdirSync(resultsDir, { recursive: true });
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });

  const clockOffsetMs = kiritimatiMidnightOffset(new Date());
  const stack = await startTestStack({
    webPort: WEB_PORT,
    adminPort: ADMIN_PORT,
    logDir: resultsDir,
    extraWeb: [
      { name: "clock", port: CLOCK_WEB_PORT, env: { ATLAS_CLOCK_OFFSET: String(clockOffsetMs) } },
      { name: "billing", port: BILLING_WEB_PORT, env: {}, billing: true },
    ],
    fakeStripePort: FAKE_STRIPE_PORT,
  });
  // The test workers start after this and inherit these.
  process.env.ATLAS_WEB_URL = stack.webUrl;
  process.env.ATLAS_ADMIN_URL = stack.adminUrl;
  process.env.E2E_DATABASE_ADMIN_URL = stack.databaseAdminUrl;
  process.env.E2E_CLOCK_WEB_URL = stack.extraWebUrls.clock;
  process.env.E2E_CLOCK_OFFSET_MS = String(clockOffsetMs);
  process.env.E2E_BILLING_WEB_URL = stack.extraWebUrls.billing;
  process.env.E2E_FAKE_STRIPE_URL = stack.fakeStripeUrl!;

  return () => stack.stop();
}
