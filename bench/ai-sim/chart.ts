/**
 * The acceptance curve as a standalone SVG (docs/adr/0004: charts are server-rendered SVG; this
 * one is a file for the README, so it is drawn by hand with no styles from the app): a fixed
 * viewBox, `role="img"` with a summary, a title, and every value labelled with its unit.
 */
import type { WeekFigures } from "@atlas/ai/testing/simulated-members";

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { top: 48, right: 24, bottom: 56, left: 56 };

const escape = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

export function acceptanceChart(weeks: readonly WeekFigures[], subtitle: string): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (weeks.length === 1 ? plotW / 2 : (i * plotW) / (weeks.length - 1));
  const y = (share: number) => PAD.top + plotH * (1 - share);
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const summary =
    `Acceptance of weekly plans rose from ${pct(first.acceptance)} in week ${first.week} to ${pct(last.acceptance)} in week ${last.week}; ` +
    `plans accepted unchanged from ${pct(first.accepted / (first.accepted + first.edited + first.rejected))} to ${pct(last.accepted / (last.accepted + last.edited + last.rejected))}.`;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>` +
        `<text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#4b5563">${v * 100}%</text>`,
    )
    .join("");
  const line = (share: (w: WeekFigures) => number) =>
    weeks
      .map((w, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(share(w)).toFixed(1)}`)
      .join(" ");
  const members = first.accepted + first.edited + first.rejected;
  const unchanged = (w: WeekFigures) => w.accepted / members;
  const points = weeks
    .map(
      (w, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(w.acceptance).toFixed(1)}" r="4" fill="#2563eb"/>` +
        `<text x="${x(i).toFixed(1)}" y="${(y(w.acceptance) - 10).toFixed(1)}" text-anchor="middle" font-size="11" fill="#111827">${pct(w.acceptance)}</text>` +
        `<text x="${x(i).toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle" font-size="12" fill="#4b5563">${w.week}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(summary)}" font-family="system-ui, sans-serif">
<title>${escape(summary)}</title>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>
<text x="${PAD.left}" y="22" font-size="15" font-weight="600" fill="#111827">Weekly plans accepted or edited (share of members)</text>
<text x="${PAD.left}" y="38" font-size="11" fill="#4b5563">${escape(subtitle)}</text>
${grid}
<path d="${line(unchanged)}" fill="none" stroke="#9ca3af" stroke-width="2" stroke-dasharray="6 4"/>
<path d="${line((w) => w.acceptance)}" fill="none" stroke="#2563eb" stroke-width="2.5"/>
<line x1="${WIDTH - 250}" x2="${WIDTH - 226}" y1="${HEIGHT - 16}" y2="${HEIGHT - 16}" stroke="#2563eb" stroke-width="2.5"/>
<text x="${WIDTH - 220}" y="${HEIGHT - 12}" font-size="11" fill="#111827">accepted or edited</text>
<line x1="${WIDTH - 110}" x2="${WIDTH - 86}" y1="${HEIGHT - 16}" y2="${HEIGHT - 16}" stroke="#9ca3af" stroke-width="2" stroke-dasharray="6 4"/>
<text x="${WIDTH - 80}" y="${HEIGHT - 12}" font-size="11" fill="#111827">unchanged</text>
${points}
<text x="${PAD.left}" y="${HEIGHT - 12}" font-size="12" fill="#4b5563">week</text>
</svg>
`;
}
