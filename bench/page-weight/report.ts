/**
 * The page-weight table: per page the scripts a cold load fetched, raw and gzipped, and how much
 * of it is the page's own (not loaded by every page of the same app). 1 kB = 1,000 bytes.
 */
import type { PageLoad } from "./measure.ts";

export interface Measured {
  app: string;
  label: string;
  /** The page's route, as shown (defaults to `path`). */
  route?: string;
  path: string;
  load: PageLoad;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Script URLs every measured page of `app` loaded: the app's shared JavaScript. */
function sharedScripts(pages: readonly Measured[], app: string): Set<string> {
  const ofApp = pages.filter((p) => p.app === app);
  const [first, ...rest] = ofApp.map((p) => new Set(p.load.scripts.map((s) => s.url)));
  if (first === undefined) return new Set();
  return new Set([...first].filter((url) => rest.every((urls) => urls.has(url))));
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** A Markdown table of every page, then each multi-page app's shared scripts. */
export function report(pages: readonly Measured[]): string {
  const apps = [...new Set(pages.map((p) => p.app))];
  const shared = new Map(apps.map((app) => [app, sharedScripts(pages, app)]));
  const rows = pages.map((p) => {
    const common = shared.get(p.app)!;
    const own = p.load.scripts.filter((s) => !common.has(s.url));
    const multiPage = pages.filter((q) => q.app === p.app).length > 1;
    return [
      `${p.app} ${p.label} (${p.route ?? p.path})`,
      String(p.load.scripts.length),
      kB(sum(p.load.scripts.map((s) => s.raw))),
      kB(sum(p.load.scripts.map((s) => s.gzip))),
      multiPage ? kB(sum(own.map((s) => s.gzip))) : "–",
      kB(p.load.document.gzip),
      p.load.layoutShift.toFixed(3),
    ];
  });
  const lines = [
    table(
      [
        "page",
        "scripts",
        "JS raw kB",
        "JS gzip kB",
        "page's own JS gzip kB",
        "HTML gzip kB",
        "layout shift",
      ],
      rows,
    ),
  ];
  for (const app of apps) {
    const ofApp = pages.filter((p) => p.app === app);
    if (ofApp.length < 2) continue;
    const common = shared.get(app)!;
    const scripts = ofApp[0]!.load.scripts.filter((s) => common.has(s.url));
    const largest = [...scripts].sort((a, b) => b.gzip - a.gzip);
    lines.push(
      [
        `Shared by every ${app} page: ${scripts.length} scripts, ${kB(sum(scripts.map((s) => s.raw)))} kB raw, ` +
          `${kB(sum(scripts.map((s) => s.gzip)))} kB gzip:`,
        ...largest.map((s) => `  ${kB(s.gzip).padStart(6)} kB gzip  ${new URL(s.url).pathname}`),
      ].join("\n"),
    );
  }
  return lines.join("\n\n");
}
