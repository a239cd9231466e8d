/**
 * The Lighthouse benchmark: `pnpm --filter @atlas/bench lighthouse`.
 *
 * The same stack as bench/page-weight (production builds of web and admin in test mode, a private
 * seeded database, Debian's Chromium with the journeys' flags), then Lighthouse 12 (pinned: 13
 * needs Node 22) through Chromium's debugging port on Today and the dashboard (signed in as a
 * seeded member) and the coach's portfolio: Lighthouse's default — a mobile device on a slow 4G
 * network with a 4× slower CPU, simulated — the honest setting for a member on a phone. The
 * session cookie travels as an extra request header. Prints each page's performance,
 * accessibility, best practices and (for information) SEO scores, its core metrics and every
 * audit that cost points; fails when performance, accessibility or best practices is under
 * MIN_SCORE on any page. Bounded by LIGHTHOUSE_TIMEOUT_MINUTES (10), like page-weight.
 */
import lighthouse, { type Flags, type Result } from "lighthouse";
import { COACH, MEMBER, signIn, type StorageState } from "../page-weight/measure.ts";
import { freePort } from "../shared/processes.ts";
import { withSignedInStack } from "../shared/signed-in-stack.ts";

const TIMEOUT_MINUTES = Number(process.env.LIGHTHOUSE_TIMEOUT_MINUTES ?? 10);
/** Issue 15 ("Weight and scores"): performance, accessibility and best practices ≥ 95 each. */
const MIN_SCORE = 95;
const GATED = ["performance", "accessibility", "best-practices"] as const;
const CATEGORIES = [...GATED, "seo"] as const;

const log = (line: string) => console.log(line);

/** The `Cookie` header carrying a signed-in browser's cookies. */
const cookieHeader = (session: StorageState) =>
  session.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

const score = (lhr: Result, category: string) =>
  Math.round((lhr.categories[category]?.score ?? 0) * 100);

const ms = (lhr: Result, audit: string) => {
  const value = lhr.audits[audit]?.numericValue;
  return value === undefined ? "–" : `${(value / 1000).toFixed(2)} s`;
};

/** The audits of the gated categories that cost points: what to fix. */
function lostPoints(lhr: Result): string[] {
  return GATED.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map(
        (audit) =>
          `${category}: ${audit.title} (${audit.displayValue ?? `score ${audit.score?.toFixed(2)}`})`,
      ),
  );
}

/**
 * The element Lighthouse took for the largest paint, for a page whose LCP cost points: its
 * selector and text, so the finding says what to make paint sooner.
 */
function lcpElement(lhr: Result): string | null {
  if ((lhr.audits["largest-contentful-paint"]?.score ?? 1) >= 1) return null;
  const details = lhr.audits["largest-contentful-paint-element"]?.details;
  if (details?.type !== "list") return null;
  for (const table of details.items) {
    if (table.type !== "table") continue;
    for (const item of table.items) {
      const node = item.node;
      if (typeof node === "object" && node !== null && "type" in node && node.type === "node") {
        return `largest paint: ${node.selector ?? "?"} "${(node.nodeLabel ?? "").slice(0, 80)}"`;
      }
    }
  }
  return null;
}

async function main() {
  const port = await freePort();
  await withSignedInStack(
    {
      name: "lighthouse",
      timeoutMinutes: TIMEOUT_MINUTES,
      browserArgs: [`--remote-debugging-port=${port}`],
    },
    async (stack, browser) => {
      const member = await signIn(browser, stack.webUrl, MEMBER);
      const coach = await signIn(browser, stack.webUrl, COACH);
      const pages = [
        { label: "web Today (/)", url: `${stack.webUrl}/`, session: member },
        { label: "web Dashboard (/dashboard)", url: `${stack.webUrl}/dashboard`, session: member },
        { label: "admin Portfolio (/)", url: `${stack.adminUrl}/`, session: coach },
      ];
      const rows: string[] = [];
      const findings: string[] = [];
      const failures: string[] = [];
      let version = "";
      const benchmarkIndex: number[] = [];
      for (const page of pages) {
        const flags: Flags = {
          port,
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          extraHeaders: { Cookie: cookieHeader(page.session) },
        };
        const result = await lighthouse(page.url, flags);
        if (result === undefined) throw new Error(`${page.label}: Lighthouse gave no result`);
        const { lhr } = result;
        if (lhr.runtimeError) {
          throw new Error(`${page.label}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        }
        if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname) {
          throw new Error(`${page.label}: ended at ${lhr.finalDisplayedUrl}, not the page itself`);
        }
        version = lhr.lighthouseVersion;
        benchmarkIndex.push(Math.round(lhr.environment.benchmarkIndex));
        const scores = CATEGORIES.map((category) => score(lhr, category));
        rows.push(
          `| ${[
            page.label,
            ...scores.map(String),
            ms(lhr, "first-contentful-paint"),
            ms(lhr, "largest-contentful-paint"),
            ms(lhr, "total-blocking-time"),
            (lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3),
          ].join(" | ")} |`,
        );
        findings.push(
          ...[...lostPoints(lhr), lcpElement(lhr) ?? []]
            .flat()
            .map((finding) => `${page.label} — ${finding}`),
        );
        GATED.forEach((category, i) => {
          if (scores[i]! < MIN_SCORE) {
            failures.push(`${page.label}: ${category} ${scores[i]} is under ${MIN_SCORE}`);
          }
        });
      }

      log(
        `\nLighthouse ${version} (mobile, simulated slow 4G and 4× CPU; ` +
          `Lighthouse's CPU benchmark index ${benchmarkIndex.join(", ")} — busy CPUs score low):\n`,
      );
      log(
        [
          "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |",
          "| ---- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          ...rows,
        ].join("\n"),
      );
      if (findings.length > 0) log(`\nAudits that cost points:\n${findings.join("\n")}`);
      if (failures.length > 0)
        throw new Error(`lighthouse: under ${MIN_SCORE}:\n${failures.join("\n")}`);
      log(`\nEvery page scores at least ${MIN_SCORE} in ${GATED.join(", ")}.`);
    },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
