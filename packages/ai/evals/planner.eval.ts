/**
 * The planner's evals (docs/architecture.md "AI planner" → "Evals"): every case, per job and for
 * the injection cases, in each mode (local and replay always; openai with a key), scored on every
 * property. A property is pass or fail, so a run passes only at 100.
 */
import { evalite } from "evalite";
import { EVAL_CASES, type EvalCase } from "./cases.ts";
import { evalModes, runCase, type CaseRun } from "./modes.ts";
import { PROPERTIES } from "./properties.ts";

const SUITES = ["decompose_goal", "weekly_plan", "recovery", "deferral", "injection"] as const;

for (const mode of evalModes()) {
  for (const suite of SUITES) {
    evalite<EvalCase, CaseRun>(`${suite} · ${mode}`, {
      data: EVAL_CASES.filter((c) => c.suite === suite).map((c) => ({ input: c })),
      task: (c) => runCase(mode, c),
      scorers: PROPERTIES.map((p) => ({
        name: p.name,
        description: p.description,
        scorer: ({ input, output }) => {
          const problem = p.check(input, output);
          return problem === null ? 1 : { score: 0, metadata: { problem } };
        },
      })),
      columns: ({ input, output }) => [
        { label: "case", value: input.id },
        {
          label: "answered by",
          value: output.fallbackReason
            ? `local (fallback: ${output.fallbackReason})`
            : output.provider,
        },
        ...(output.recording
          ? [
              {
                label: "recording",
                value: `${output.recording.source}${output.recording.isStale ? " (stale prompt)" : ""}`,
              },
            ]
          : []),
      ],
    });
  }
}
