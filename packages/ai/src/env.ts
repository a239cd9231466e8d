/**
 * The AI planner's configuration fragment (docs/architecture.md "AI planner", "Outside services").
 * Every mode runs without a model: no `OPENAI_API_KEY` means the local planner does every job.
 *
 * - `OPENAI_API_KEY`: turns the OpenAI provider on (any OpenAI-compatible server's key).
 * - `OPENAI_BASE_URL`: another compatible server, or the local fake in tests (default: OpenAI's).
 * - `OPENAI_MODEL`: default `gpt-4o-mini`; its price comes from openai-pricing.ts.
 * - `ATLAS_AI_TIMEOUT_MS`: how long one proposal may take, retries included (default 20,000).
 * - `ATLAS_AI_MAX_RETRIES`: retries on 429 and 5xx (default 2).
 *
 * Errors name variables, never their values.
 */
import { createEnv } from "@t3-oss/env-core";
import { AtlasConfigError, type Env } from "@atlas/config";
import { z } from "zod";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
export const DEFAULT_AI_TIMEOUT_MS = 20_000;
export const DEFAULT_AI_MAX_RETRIES = 2;

export const aiEnvShape = {
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OPENAI_MODEL: z
    .string()
    .regex(/^[\w.:/-]{1,100}$/, "must be a model name")
    .optional(),
  ATLAS_AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  ATLAS_AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).optional(),
};

export interface OpenAIConfig {
  apiKey: string;
  /** undefined: the SDK's default (OpenAI's API). */
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface AiEnv {
  /** null: no key, so the local planner does every job. */
  openai: OpenAIConfig | null;
  timeoutMs: number;
}

/** The validated fragment. */
export function aiEnv(env: Env = process.env): AiEnv {
  const parsed = createEnv({
    server: aiEnvShape,
    runtimeEnv: Object.fromEntries(
      Object.keys(aiEnvShape).map((name) => [name, env[name]?.trim()]),
    ),
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map((i) => String(i.path?.[0] ?? "environment")))];
      throw new AtlasConfigError(
        `Invalid AI configuration: ${issues.map((i) => `${String(i.path?.[0])} ${i.message}`).join("; ")}.`,
        names,
      );
    },
  });
  const timeoutMs = parsed.ATLAS_AI_TIMEOUT_MS ?? DEFAULT_AI_TIMEOUT_MS;
  return {
    timeoutMs,
    openai:
      parsed.OPENAI_API_KEY === undefined
        ? null
        : {
            apiKey: parsed.OPENAI_API_KEY,
            baseURL: parsed.OPENAI_BASE_URL,
            model: parsed.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL,
            timeoutMs,
            maxRetries: parsed.ATLAS_AI_MAX_RETRIES ?? DEFAULT_AI_MAX_RETRIES,
          },
  };
}
