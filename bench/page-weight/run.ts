/**
 * The page-weight benchmark: `pnpm --filter @atlas/bench page-weight` (or `pnpm bench` at the root).
 *
 * Builds web and admin for production (`next build` through turbo, test mode, cached), starts
 * them with `next start` against a private seeded database (the journeys' own setup,
 * @atlas/e2e/test-stack), signs in through /dev/sign-in as a seeded member (and the coach for
 * admin), then loads each page cold in Debian's Chromium and prints, per page, the JavaScript it
 * transferred: scripts, raw bytes and gzip level 9 of every body (see measure.ts).
 * Fails when a page did not answer itself or loads more than BUDGET_GZIP_BYTES of JavaScript.
 * Bounded: a watchdog stops it after PAGE_WEIGHT_TIMEOUT_MINUTES (10); on exit, Ctrl-C or the
 * watchdog it stops the build, the servers and the browser it started, and drops the databases.
 */
import type { TestStack } from "@atlas/e2e/test-stack";
import type { Browser, BrowserContext } from "playwright-core";
import { withSignedInStack } from "../shared/signed-in-stack.ts";
import { coldLoad, COACH, MEMBER, OWNER, signIn, type StorageState } from "./measure.ts";
import { report, type Measured } from "./report.ts";

const TIMEOUT_MINUTES = Number(process.env.PAGE_WEIGHT_TIMEOUT_MINUTES ?? 10);
/**
 * Issue 15 ("Weight and scores"): cold-load JavaScript at most 150 kB gzip on every page. The run
 * fails, naming each page over it.
 */
const BUDGET_GZIP_BYTES = 150_000;

const log = (line: string) => console.log(line);

type Who = "member" | "owner" | "coach";
interface Page {
  app: "web" | "admin";
  label: string;
  path: string;
  route?: string;
  who: Who;
}

/** The first id in a page of a tRPC list (`habit.list`, `goal.list`) of the member. */
async function firstId(context: BrowserContext, url: string): Promise<string> {
  const response = await context.request.get(url);
  if (!response.ok()) throw new Error(`${url} answered ${response.status()}`);
  const body = (await response.json()) as {
    result: { data: { json: { items: { id: string }[] } } };
  };
  const first = body.result.data.json.items[0];
  if (first === undefined) throw new Error(`${url}: the seeded member has none`);
  return first.id;
}

/** The pages measured, with a habit and a goal of the member and a member the coach coaches. */
async function pagesOf(stack: TestStack, sessions: Record<Who, StorageState>, browser: Browser) {
  const member = await browser.newContext({ storageState: sessions.member });
  const coach = await browser.newContext({ storageState: sessions.coach });
  try {
    const habitId = await firstId(member, `${stack.webUrl}/api/trpc/habit.list`);
    const goalId = await firstId(member, `${stack.webUrl}/api/trpc/goal.list`);
    const portfolio = await (await coach.request.get(`${stack.adminUrl}/`)).text();
    const drillDown = /href="(\/members\/[^/"]+\/[^/"]+)"/.exec(portfolio)?.[1];
    if (drillDown === undefined) throw new Error("the coach's portfolio links no member");
    const pages: Page[] = [
      { app: "web", label: "Today", path: "/", who: "member" },
      { app: "web", label: "Dashboard", path: "/dashboard", who: "member" },
      { app: "web", label: "Habits", path: "/habits", who: "member" },
      {
        app: "web",
        label: "Habit page",
        route: "/habits/[habitId]",
        path: `/habits/${habitId}`,
        who: "member",
      },
      { app: "web", label: "Goals", path: "/goals", who: "member" },
      {
        app: "web",
        label: "Goal page",
        route: "/goals/[goalId]",
        path: `/goals/${goalId}`,
        who: "member",
      },
      { app: "web", label: "Tasks", path: "/tasks", who: "member" },
      { app: "web", label: "Plan", path: "/plan", who: "member" },
      { app: "web", label: "Workspace", path: "/workspace", who: "member" },
      { app: "web", label: "Settings", path: "/settings", who: "member" },
      { app: "web", label: "Inbox", path: "/inbox", who: "member" },
      // Billing off in test mode: the owner sees the self-hosted plan and its limits.
      { app: "web", label: "Billing", path: "/billing", who: "owner" },
      // An owner's Workspace and Settings also carry the cards only owners and admins see.
      { app: "web", label: "Workspace, as the owner", path: "/workspace", who: "owner" },
      { app: "web", label: "Settings, as the owner", path: "/settings", who: "owner" },
      { app: "admin", label: "Portfolio", path: "/", who: "coach" },
      {
        app: "admin",
        label: "Member drill-down",
        route: "/members/[workspaceId]/[memberId]",
        path: drillDown,
        who: "coach",
      },
      { app: "admin", label: "Approvals", path: "/approvals", who: "coach" },
    ];
    return pages;
  } finally {
    await member.close();
    await coach.close();
  }
}

/** The pages whose cold-load JavaScript is over the budget, in words (empty: none). */
function overBudget(measured: readonly Measured[]): string[] {
  return measured.flatMap((p) => {
    const gzip = p.load.scripts.reduce((sum, s) => sum + s.gzip, 0);
    return gzip > BUDGET_GZIP_BYTES
      ? [
          `${p.app} ${p.label} (${p.path}) loads ${(gzip / 1000).toFixed(1)} kB of JavaScript gzip, over the ${BUDGET_GZIP_BYTES / 1000} kB budget`,
        ]
      : [];
  });
}

async function main() {
  await withSignedInStack(
    { name: "page-weight", timeoutMinutes: TIMEOUT_MINUTES },
    async (stack, browser) => {
      const sessions = {
        member: await signIn(browser, stack.webUrl, MEMBER),
        owner: await signIn(browser, stack.webUrl, OWNER),
        coach: await signIn(browser, stack.webUrl, COACH),
      };
      const measured: Measured[] = [];
      for (const { who, ...page } of await pagesOf(stack, sessions, browser)) {
        const base = page.app === "web" ? stack.webUrl : stack.adminUrl;
        const load = await coldLoad(browser, base + page.path, sessions[who]);
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
      const over = overBudget(measured);
      if (over.length > 0) throw new Error(`page-weight: over budget:\n${over.join("\n")}`);
      log(`\nEvery page is within the ${BUDGET_GZIP_BYTES / 1000} kB gzip budget.`);
    },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
