/**
 * Runs the evals once and exits non-zero below a score of 100 (`pnpm --filter @atlas/ai evals`,
 * part of the package's `test`), through evalite's runner with its UI server off, so a run opens
 * no port. Then prints the results per job and mode.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runEvalite } from "evalite/runner";

const root = fileURLToPath(new URL("..", import.meta.url));
const results = fileURLToPath(new URL("../node_modules/.evalite/results.json", import.meta.url));

interface Exported {
  suites: {
    name: string;
    averageScore: number;
    evals: {
      input: { id: string };
      output: { fallbackReason: string | null; provider: string };
      scores: { name: string; score: number; metadata: { problem?: string } | null }[];
    }[];
  }[];
}

/** evalite exits the process itself once it has written the results: report on the way out. */
process.on("exit", () => {
  if (!existsSync(results)) return;
  const { suites } = JSON.parse(readFileSync(results, "utf8")) as Exported;
  const rows = suites
    .map((s) => {
      const failed = s.evals.flatMap((e) => e.scores.filter((x) => x.score < 1).map((x) => x.name));
      const fellBack = s.evals.filter((e) => e.output.fallbackReason !== null).length;
      return [
        s.name,
        String(s.evals.length),
        `${Math.round(s.averageScore * 100)}%`,
        failed.length === 0 ? "all hold" : [...new Set(failed)].join(", "),
        String(fellBack),
      ];
    })
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
  const head = ["suite · mode", "cases", "score", "properties", "fallbacks"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  for (const s of suites)
    for (const e of s.evals)
      for (const x of e.scores.filter((x) => x.score < 1))
        console.log(`FAILED ${s.name} ${e.input.id}: ${x.name}: ${x.metadata?.problem ?? "?"}`);
});

rmSync(results, { force: true });
await runEvalite({
  mode: "run-once-and-exit",
  cwd: root,
  disableServer: true,
  scoreThreshold: 100,
  outputPath: results,
});
