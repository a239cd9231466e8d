/**
 * How an eval case is answered (docs/architecture.md "AI planner" → "Evals"):
 *
 * - `local`: the local planner, as in production without a key (CI);
 * - `replay`: the case's recorded reply (evals/recordings/<case>.json), served by the fake OpenAI
 *   server to the real OpenAI provider, so the parsing, checks, fallback and fitter run exactly
 *   as on a live reply (CI, offline);
 * - `openai`: the model `OPENAI_API_KEY`/`OPENAI_MODEL`/`OPENAI_BASE_URL` configure, only when a
 *   key is set; with `ATLAS_EVAL_RECORD=1` each raw reply is written as the case's recording.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { PROMPTS } from "../prompts/index.ts";
import { aiEnv } from "../src/env.ts";
import { createOpenAIProvider } from "../src/openai-provider.ts";
import { createPlanner } from "../src/planner.ts";
import { startFakeOpenAI, type FakeReply } from "../src/testing/fake-openai.ts";
import type { EvalCase } from "./cases.ts";
import type { Outcome } from "./properties.ts";

export type EvalMode = "local" | "replay" | "openai";

/** A recorded reply: a whole `chat.completion` body and where it came from. */
export interface Recording {
  caseId: string;
  /**
   * `openai:<model>`: a live model's reply. `seed:local-planner`: the local planner's proposal
   * written as a model reply (no model was reachable when the set was made). `seed:hostile`: a
   * reply written by hand to act as a model that obeyed the injection.
   */
  source: string;
  recordedAt: string;
  promptVersion: string;
  note: string | null;
  completion: { model?: string } & Record<string, unknown>;
}

/** Only the workspace an eval plans for: no example of another reaches the prompt. */
const WORKSPACE = { workspaceId: "ws-eval" };
/** Generous: a deadline is a safety net here, never what a case measures. */
const EVAL_TIMEOUT_MS = 60_000;

export const recordingUrl = (caseId: string) =>
  new URL(`./recordings/${caseId}.json`, import.meta.url);

export function readRecording(caseId: string): Recording {
  return JSON.parse(readFileSync(recordingUrl(caseId), "utf8")) as Recording;
}

export function writeRecording(recording: Recording): void {
  writeFileSync(recordingUrl(recording.caseId), `${JSON.stringify(recording, null, 2)}\n`);
}

export function evalModes(env: NodeJS.ProcessEnv = process.env): EvalMode[] {
  return env.OPENAI_API_KEY?.trim() ? ["local", "replay", "openai"] : ["local", "replay"];
}

export interface CaseRun extends Outcome {
  /** replay: the recording's source, and whether its prompt version is still the current one. */
  recording: { source: string; isStale: boolean } | null;
}

export async function runCase(mode: EvalMode, c: EvalCase): Promise<CaseRun> {
  if (mode === "local") {
    const outcome = await createPlanner({ provider: null, timeoutMs: EVAL_TIMEOUT_MS }).plan(
      c.input,
      WORKSPACE,
    );
    return { ...outcome, recording: null };
  }
  if (mode === "replay") {
    const recording = readRecording(c.id);
    const fake = await startFakeOpenAI((): FakeReply => ({
      kind: "completion",
      body: recording.completion,
    }));
    try {
      const provider = createOpenAIProvider({
        apiKey: "sk-replay",
        baseURL: fake.baseURL,
        model: recording.completion.model ?? "gpt-4o-mini",
        timeoutMs: EVAL_TIMEOUT_MS,
        maxRetries: 0,
      });
      const outcome = await createPlanner({ provider, timeoutMs: EVAL_TIMEOUT_MS }).plan(
        c.input,
        WORKSPACE,
      );
      const isStale =
        outcome.provider === "openai" && outcome.promptVersion !== recording.promptVersion;
      return { ...outcome, recording: { source: recording.source, isStale } };
    } finally {
      await fake.close();
    }
  }
  const env = aiEnv(process.env);
  if (env.openai === null) throw new Error("openai mode needs OPENAI_API_KEY");
  let raw: unknown = null;
  const record = process.env.ATLAS_EVAL_RECORD === "1";
  const provider = createOpenAIProvider({
    ...env.openai,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (record && response.ok) raw = await response.clone().json();
      return response;
    },
  });
  const outcome = await createPlanner({ provider, timeoutMs: env.timeoutMs }).plan(
    c.input,
    WORKSPACE,
  );
  if (record && raw !== null) {
    writeRecording({
      caseId: c.id,
      source: `openai:${env.openai.model}`,
      recordedAt: new Date().toISOString(),
      promptVersion: PROMPTS[c.job].version,
      note: outcome.fallbackReason ? `fell back: ${outcome.fallbackReason}` : null,
      completion: raw as Recording["completion"],
    });
  }
  return { ...outcome, recording: null };
}
