/**
 * One cold page load in Chromium: a new browser context (empty HTTP cache) carrying only the
 * session cookie, then every script response until the network is idle, and the layout shift. Sizes are of the bodies
 * themselves, gzipped here at level 9, so the figures do not depend on how the server compresses.
 */
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface Script {
  url: string;
  raw: number;
  gzip: number;
}

export interface PageLoad {
  status: number;
  /** Where the navigation ended (a redirect to sign-in means the session did not hold). */
  finalUrl: string;
  scripts: Script[];
  /** The HTML document, which also carries the inline React Server Components payload. */
  document: { raw: number; gzip: number };
  /**
   * Cumulative layout shift until the network was idle (the sum of the page's layout-shift
   * entries without recent input, as Chromium reports them; 0 is no shift at all).
   */
  layoutShift: number;
}

/**
 * Runs in the page before its own scripts (as text: this package has no DOM types) and sums the
 * layout shifts from the first paint on.
 */
const OBSERVE_LAYOUT_SHIFT = `
  window.__atlasLayoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__atlasLayoutShift += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Whose pages are measured: a member with 60 days of plans and log in the seed. */
export const MEMBER = /Nora Newman/;
/** The billing page is for owners and admins. */
export const OWNER = /Olivia Owner/;
/** Admin is for coaches. */
export const COACH = /Carlos Coach/;

/** Signs in through the dev sign-in page as the seeded user whose button matches `name`. */
export async function signIn(browser: Browser, webUrl: string, name: RegExp) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${webUrl}/dev/sign-in`);
    await page.getByRole("button", { name }).click();
    await page.waitForURL(`${webUrl}/`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function coldLoad(
  browser: Browser,
  url: string,
  storageState: StorageState,
): Promise<PageLoad> {
  const context = await browser.newContext({ storageState, serviceWorkers: "block" });
  try {
    await context.addInitScript({ content: OBSERVE_LAYOUT_SHIFT });
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Script>>();
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script" || scripts.has(response.url())) return;
      scripts.set(
        response.url(),
        response.body().then((body) => ({
          url: response.url(),
          raw: body.length,
          gzip: gzipSize(body),
        })),
      );
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (response === null) throw new Error(`${url}: no response`);
    const html = await response.body();
    return {
      status: response.status(),
      finalUrl: page.url(),
      scripts: await Promise.all(scripts.values()),
      document: { raw: html.length, gzip: gzipSize(html) },
      layoutShift: Number(await page.evaluate("window.__atlasLayoutShift ?? 0")),
    };
  } finally {
    await context.close();
  }
}
