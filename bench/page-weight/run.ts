/**
 * The page-weight benchmark: `pnpm --filter @atlas/bench page-weight` (or `pnpm bench` at the root).
 *
 * Builds web and admin for production (`next build` through turbo, test mode, cached), starts
 * them with `next start` against a private seeded database (the journeys' own setup,
 * @atlas/e2e/test-stack), signs in through /dev/sign-in as a seeded member (and the coach for
 * admin), then loads each page cold in Debian's Chromium and prints, per page, the JavaScript it
 * transferred: scripts, raw bytes and gzip level 9 of every body (see measure.ts).
 * Bounded: a watchdog stops it after PAGE_WEIGHT_TIMEOUT_MINUTES (10); on exit, Ctrl-C or the
 * watchdog it stops the build, the servers and the browser it started, and drops the databases.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { chromiumLaunchOptions } from "@atlas/e2e/chromium";
import { startTestStack, type TestStack } from "@atlas/e2e/test-stack";
import { chromium, type Browser } from "playwright-core";
import { freePort, stopGroup, turboBuild } from "../shared/processes.ts";
import { coldLoad, signIn, type StorageState } from "./measure.ts";
import { report, type Measured } from "./report.ts";

const TIMEOUT_MINUTES = Number(process.env.PAGE_WEIGHT_TIMEOUT_MINUTES ?? 10);
/** Whose pages are measured: a member with 60 days of plans and log in the seed. */
const MEMBER = /Nora Newman/;
/** Admin is for coaches. */
const COACH = /Carlos Coach/;

const log = (line: string) => console.log(line);

/** The pages of each app, with a habit of the member for the habit page. */
async function pagesOf(stack: TestStack, member: StorageState, browser: Browser) {
  const context = await browser.newContext({ storageState: member });
  try {
    const response = await context.request.get(`${stack.webUrl}/api/trpc/habit.list`);
    if (!response.ok()) throw new Error(`habit.list answered ${response.status()}`);
    const body = (await response.json()) as {
      result: { data: { json: { items: { id: string }[] } } };
    };
    const habit = body.result.data.json.items[0];
    if (habit === undefined) throw new Error("the seeded member has no habit");
    return [
      { app: "web", label: "Today", path: "/" },
      { app: "web", label: "Dashboard", path: "/dashboard" },
      { app: "web", label: "Habits", path: "/habits" },
      { app: "web", label: "Habit page", route: "/habits/[habitId]", path: `/habits/${habit.id}` },
      { app: "web", label: "Goals", path: "/goals" },
      { app: "web", label: "Tasks", path: "/tasks" },
      { app: "web", label: "Workspace", path: "/workspace" },
      { app: "web", label: "Settings", path: "/settings" },
      { app: "admin", label: "Portfolio", path: "/" },
    ];
  } finally {
    await context.close();
  }
}

async function main() {
  let building: ChildProcess | undefined;
  let starting: Promise<TestStack> | undefined;
  let browser: Browser | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopGroup(building);
      await browser?.close().catch(() => undefined);
      await starting?.then(
        (stack) => stack.stop(),
        () => undefined,
      );
    })());
  const watchdog = setTimeout(() => {
    console.error(`page-weight: stopped after ${TIMEOUT_MINUTES} minutes`);
    void stop().finally(() => process.exit(2));
  }, TIMEOUT_MINUTES * 60_000);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }

  try {
    log("building web and admin (next build, test mode; turbo cache)…");
    const built = performance.now();
    await turboBuild(["@atlas/web", "@atlas/admin"], (child) => (building = child));
    log(`built in ${((performance.now() - built) / 1000).toFixed(0)} s; starting the servers…`);

    const logDir = mkdtempSync(join(tmpdir(), "atlas-page-weight-"));
    starting = Promise.all([freePort(), freePort()]).then(([webPort, adminPort]) =>
      startTestStack({ webPort, adminPort, logDir }),
    );
    const stack = await starting;
    // Our own handlers close the browser: Playwright's would exit before the servers are stopped.
    browser = await chromium.launch({
      ...chromiumLaunchOptions,
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    log(
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
        `Node ${process.version}, Chromium ${browser.version()}; server logs in ${logDir}`,
    );

    const [member, coach] = [
      await signIn(browser, stack.webUrl, MEMBER),
      await signIn(browser, stack.webUrl, COACH),
    ];
    const measured: Measured[] = [];
    for (const page of await pagesOf(stack, member, browser)) {
      const base = page.app === "web" ? stack.webUrl : stack.adminUrl;
      const load = await coldLoad(browser, base + page.path, page.app === "web" ? member : coach);
      measured.push({ ...page, load });
    }

    log(`\nCold load, JavaScript transferred (gzip -9 of each body; 1 kB = 1,000 bytes):\n`);
    log(report(measured));
    const failed = measured.filter(
      (p) => p.load.status !== 200 || new URL(p.load.finalUrl).pathname !== p.path,
    );
    if (failed.length > 0) {
      throw new Error(
        `not measured as the page itself: ${failed
          .map((p) => `${p.app} ${p.path} → ${p.load.status} at ${p.load.finalUrl}`)
          .join("; ")}`,
      );
    }
  } finally {
    clearTimeout(watchdog);
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
