/**
 * The learning-loop simulation: `pnpm --filter @atlas/bench ai-sim` (also part of `pnpm bench`).
 *
 * 200 simulated members with hidden preferences review the local planner's weekly plans for 8
 * weeks (`@atlas/ai/testing/simulated-members`); the planner learns only through core's
 * learning.ts. Prints each week's decisions, writes the curve to bench/ai-sim/acceptance.svg, and
 * fails unless acceptance rises by at least 20 points from the first week to the last.
 * Deterministic: `AI_SIM_SEED` (default "ai-sim") replays a run.
 */
import { writeFileSync } from "node:fs";
import { simulate } from "@atlas/ai/testing/simulated-members";
import { acceptanceChart } from "./chart.ts";

const MEMBERS = Number(process.env.AI_SIM_MEMBERS ?? 200);
const WEEKS = Number(process.env.AI_SIM_WEEKS ?? 8);
const SEED = process.env.AI_SIM_SEED ?? "ai-sim";
const REQUIRED_RISE_POINTS = 20;

const weeks = await simulate({ members: MEMBERS, weeks: WEEKS, seed: SEED });
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

console.log(`AI planner simulation: ${MEMBERS} members × ${WEEKS} weeks, seed "${SEED}"\n`);
console.log("week  accepted  edited  rejected  acceptance");
for (const w of weeks) {
  console.log(
    `${String(w.week).padStart(4)}  ${String(w.accepted).padStart(8)}  ${String(w.edited).padStart(6)}  ${String(w.rejected).padStart(8)}  ${pct(w.acceptance).padStart(10)}`,
  );
}
const first = weeks[0]!;
const last = weeks[weeks.length - 1]!;
const rise = (last.acceptance - first.acceptance) * 100;
const chart = new URL("./acceptance.svg", import.meta.url);
writeFileSync(
  chart,
  acceptanceChart(weeks, `${MEMBERS} simulated members, seed "${SEED}"; edited counts as accepted`),
);
console.log(`\nwrote ${chart.pathname}`);
console.log(
  `week ${first.week} → week ${last.week}: ${pct(first.acceptance)} → ${pct(last.acceptance)} (${rise >= 0 ? "+" : ""}${rise.toFixed(1)} points)`,
);
if (rise < REQUIRED_RISE_POINTS) {
  console.error(`FAIL: acceptance must rise by at least ${REQUIRED_RISE_POINTS} points`);
  process.exit(1);
}
console.log(`PASS: a rise of at least ${REQUIRED_RISE_POINTS} points`);
