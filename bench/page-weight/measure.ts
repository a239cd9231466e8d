/**
 * One cold page load in Chromium: a new browser context (empty HTTP cache) carrying only the
 * session cookie, then every script response until the network is idle. Sizes are of the bodies
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
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

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
    };
  } finally {
    await context.close();
  }
}
