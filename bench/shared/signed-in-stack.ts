/**
 * The browser benchmarks' stack (bench/page-weight, bench/lighthouse): production builds of web
 * and admin (`next build` through turbo, test mode, cached), started with `next start` against a
 * private seeded database (the journeys' own setup, @atlas/e2e/test-stack) on free loopback
 * ports, and Debian's Chromium with the journeys' launch flags. Bounded: a watchdog stops the run
 * after `timeoutMinutes`; on exit, Ctrl-C or the watchdog it stops the build, the servers and the
 * browser it started, and drops the databases.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { chromiumLaunchOptions } from "@atlas/e2e/chromium";
import { startTestStack, type TestStack } from "@atlas/e2e/test-stack";
import { chromium, type Browser } from "playwright-core";
import { freePort, stopGroup, turboBuild } from "./processes.ts";

export async function withSignedInStack(
  options: {
    /** Names the run in messages and its log directory. */
    name: string;
    timeoutMinutes: number;
    /** Added to the journeys' Chromium flags. */
    browserArgs?: readonly string[];
  },
  body: (stack: TestStack, browser: Browser) => Promise<void>,
): Promise<void> {
  const log = (line: string) => console.log(line);
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
    console.error(`${options.name}: stopped after ${options.timeoutMinutes} minutes`);
    void stop().finally(() => process.exit(2));
  }, options.timeoutMinutes * 60_000);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }

  try {
    log("building web and admin (next build, test mode; turbo cache)…");
    const built = performance.now();
    await turboBuild(["@atlas/web", "@atlas/admin"], (child) => (building = child));
    log(`built in ${((performance.now() - built) / 1000).toFixed(0)} s; starting the servers…`);

    const logDir = mkdtempSync(join(tmpdir(), `atlas-${options.name}-`));
    starting = Promise.all([freePort(), freePort()]).then(([webPort, adminPort]) =>
      startTestStack({ webPort, adminPort, logDir }),
    );
    const stack = await starting;
    // Our own handlers close the browser: Playwright's would exit before the servers are stopped.
    browser = await chromium.launch({
      ...chromiumLaunchOptions,
      args: [...chromiumLaunchOptions.args, ...(options.browserArgs ?? [])],
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    log(
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
        `load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, Chromium ${browser.version()}; ` +
        `server logs in ${logDir}`,
    );
    await body(stack, browser);
  } finally {
    clearTimeout(watchdog);
    await stop();
  }
}
