/**
 * The OpenAI provider (docs/architecture.md "AI planner"): chat completions with structured
 * outputs from the job's zod schema (`zodResponseFormat`), against OpenAI or any compatible server
 * (`OPENAI_BASE_URL`). It proposes only; the planner checks and places.
 *
 * - The reply is parsed with the format's own `$parseRaw` (what `chat.completions.parse` does),
 *   after `create`, so the tokens of a malformed or refused reply are still counted.
 * - Retries are ours, not the SDK's (`maxRetries: 0`): 429 and 5xx are retried with exponential
 *   backoff and full jitter, honouring `retry-after-ms` / `retry-after`, each wait bounded and
 *   never past the planner's deadline (the SDK would wait without knowing it), and the failure is
 *   classified for the record: `insufficient_quota` is not retried at all.
 */
import { PROPOSAL_SCHEMAS, type PlannerInputOf, type PlannerJob } from "@atlas/core/planner/index";
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { buildMessages } from "./messages.ts";
import { costMicroUsd } from "./openai-pricing.ts";
import {
  NO_USAGE,
  ProviderError,
  type PlannerProvider,
  type ProposeContext,
  type ProviderReply,
  type Usage,
} from "./provider.ts";

export interface OpenAIProviderOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  /** One HTTP request's timeout (the planner's deadline covers all of them). */
  timeoutMs: number;
  /** Retries after the first attempt, on 429 and 5xx. */
  maxRetries: number;
  /** First backoff, doubled per retry (default 500 ms). */
  retryBaseMs?: number;
  /** The longest single wait, also for a server's retry-after (default 8 s). */
  maxRetryDelayMs?: number;
  /** The fetch the SDK uses (the evals wrap it to record replies). */
  fetch?: typeof fetch;
  /** Injected for tests: uniform in [0, 1). */
  random?: () => number;
  /** Injected for tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The server's requested wait in ms (`retry-after-ms`, else `retry-after` seconds or a date). */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | null {
  const ms = Number(headers?.get("retry-after-ms"));
  if (headers?.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function usageOf(model: string, usage: OpenAI.CompletionUsage | undefined): Usage {
  const promptTokens = usage?.prompt_tokens ?? 0;
  const completionTokens = usage?.completion_tokens ?? 0;
  return {
    promptTokens,
    completionTokens,
    costMicroUsd: costMicroUsd(model, promptTokens, completionTokens),
  };
}

function addUsage(a: Usage, b: Usage): Usage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costMicroUsd:
      a.costMicroUsd === null || b.costMicroUsd === null ? null : a.costMicroUsd + b.costMicroUsd,
  };
}

/** Whether an API error is worth another attempt, and what to record if not. */
function classify(error: APIError): { retry: boolean; reason: ProviderError["reason"] } {
  const code = (error.error as { code?: string } | undefined)?.code ?? error.code;
  if (error.status === 429) {
    return code === "insufficient_quota"
      ? { retry: false, reason: "quota" }
      : { retry: true, reason: "rate_limited" };
  }
  if (error.status !== undefined && error.status >= 500)
    return { retry: true, reason: "server_error" };
  return { retry: false, reason: "error" };
}

export function createOpenAIProvider(options: OpenAIProviderOptions): PlannerProvider {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const baseMs = options.retryBaseMs ?? 500;
  const maxDelayMs = options.maxRetryDelayMs ?? 8_000;

  async function propose<J extends PlannerJob>(
    job: J,
    input: PlannerInputOf<J>,
    context: ProposeContext,
  ): Promise<ProviderReply<J>> {
    const { messages, promptVersion } = buildMessages(input, context.examples);
    const format = zodResponseFormat(PROPOSAL_SCHEMAS[job], job);
    let spent = NO_USAGE;
    for (let attempt = 0; ; attempt++) {
      let completion: OpenAI.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          { model: options.model, messages, response_format: format },
          { signal: context.signal },
        );
      } catch (error) {
        if (error instanceof APIUserAbortError) throw error;
        if (error instanceof APIConnectionTimeoutError) {
          throw new ProviderError("timeout", "the model did not answer in time", spent);
        }
        if (!(error instanceof APIError) || error.status === undefined) {
          throw new ProviderError(
            "error",
            error instanceof Error ? error.message : String(error),
            spent,
          );
        }
        const { retry, reason } = classify(error);
        if (!retry || attempt >= options.maxRetries) {
          throw new ProviderError(
            reason,
            `HTTP ${error.status} after ${attempt + 1} attempt(s)`,
            spent,
          );
        }
        const backoff = Math.min(maxDelayMs, baseMs * 2 ** attempt) * random();
        const asked = retryAfterMs(error.headers);
        await sleep(Math.min(maxDelayMs, asked ?? backoff), context.signal);
        continue;
      }
      const usage = usageOf(completion.model || options.model, completion.usage);
      spent = addUsage(spent, usage);
      const choice = completion.choices[0];
      if (choice?.message.refusal)
        throw new ProviderError("refusal", choice.message.refusal, spent);
      if (choice?.finish_reason === "length") {
        throw new ProviderError("truncated", "the reply was cut off at the token limit", spent);
      }
      if (choice?.finish_reason === "content_filter") {
        throw new ProviderError("refusal", "the reply was stopped by the content filter", spent);
      }
      const content = choice?.message.content;
      if (typeof content !== "string")
        throw new ProviderError("malformed", "the reply has no content", spent);
      try {
        return { proposal: format.$parseRaw(content), usage: spent, promptVersion };
      } catch (error) {
        const what = error instanceof SyntaxError ? "not JSON" : "not the schema";
        throw new ProviderError("malformed", `the reply is ${what}`, spent);
      }
    }
  }

  return { name: "openai", model: options.model, propose };
}
