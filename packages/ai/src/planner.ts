/**
 * The planner (docs/architecture.md "AI planner", docs/adr/0011-the-model-proposes-code-places.md):
 * asks the configured provider, checks its proposal, and falls back to the local planner on a
 * timeout, malformed output, a refusal, quota or rate limits after the retries, or a failed check,
 * recording why. Whichever provider answered, the fitter places the result.
 */
import {
  checkProposal,
  placeProposal,
  proposeLocally,
  selectFewShotExamples,
  LOCAL_MODEL,
  LOCAL_PROMPT_VERSION,
  LOCAL_PROVIDER,
  ZPlannerInput,
  type FewShotExample,
  type PlannerInputOf,
  type PlannerJob,
  type ProposalOf,
  type ResultOf,
} from "@atlas/core/planner/index";
import type { AiEnv } from "./env.ts";
import { createOpenAIProvider } from "./openai-provider.ts";
import {
  NO_USAGE,
  ProviderError,
  type FallbackReason,
  type PlannerProvider,
  type Usage,
} from "./provider.ts";

export interface PlannerConfig {
  /** The model provider; null: the local planner does every job. */
  provider: PlannerProvider | null;
  /** How long one proposal may take, all retries included, before the local planner answers. */
  timeoutMs: number;
}

export interface PlanContext {
  /** The workspace the request is for: examples from any other are dropped here. */
  workspaceId: string;
  /** Accepted or edited suggestions of the workspace, newest first (a bounded window). */
  examples?: readonly FewShotExample[];
}

/** What one planning call produced: a suggestion stores all of it. */
export interface PlanOutcome<J extends PlannerJob> {
  job: J;
  /** After the checks and the fitter: what the member previews. */
  result: ResultOf[J];
  /** What the provider that answered proposed (checked). */
  proposal: ProposalOf[J];
  /** The provider whose proposal was used ("local" after a fallback). */
  provider: string;
  model: string;
  promptVersion: string;
  /** Tokens and cost, including a failed model attempt before a fallback. */
  usage: Usage;
  /** Why the configured model's answer was not used; null when it was (or none is configured). */
  fallbackReason: FallbackReason | null;
  /** The failure in words, for logs (never shown to members). */
  fallbackDetail: string | null;
}

export interface Planner {
  /** The configured provider's name, or "local". */
  readonly providerName: string;
  plan<J extends PlannerJob>(
    input: PlannerInputOf<J>,
    context: PlanContext,
  ): Promise<PlanOutcome<J>>;
}

function local<J extends PlannerJob>(
  input: PlannerInputOf<J>,
  usage: Usage,
  fallbackReason: FallbackReason | null,
  fallbackDetail: string | null,
): PlanOutcome<J> {
  const proposal = proposeLocally(input);
  return {
    job: input.job as J,
    result: placeProposal(input, proposal),
    proposal,
    provider: LOCAL_PROVIDER,
    model: LOCAL_MODEL,
    promptVersion: LOCAL_PROMPT_VERSION,
    usage,
    fallbackReason,
    fallbackDetail,
  };
}

export function createPlanner(config: PlannerConfig): Planner {
  const { provider } = config;
  return {
    providerName: provider?.name ?? LOCAL_PROVIDER,
    async plan(rawInput, context) {
      // The input is the caller's snapshot; parsing applies the preference defaults.
      const input = ZPlannerInput.parse(rawInput) as typeof rawInput;
      if (provider === null) return local(input, NO_USAGE, null, null);
      const controller = new AbortController();
      // The deadline holds even for a provider that ignores the signal.
      const deadline = new Promise<never>((_, reject) => {
        controller.signal.addEventListener("abort", () => reject(new Error("deadline")), {
          once: true,
        });
      });
      const timer = setTimeout(() => controller.abort(), config.timeoutMs);
      try {
        // No other workspace's data reaches a prompt, whatever the caller passed.
        const examples = selectFewShotExamples(
          context.examples ?? [],
          input.job,
          context.workspaceId,
        );
        const reply = await Promise.race([
          provider.propose(input.job, input, { examples, signal: controller.signal }),
          deadline,
        ]);
        const checked = checkProposal(input, reply.proposal);
        if (!checked.ok) {
          return local(input, reply.usage, "check_failed", checked.issues.join("; "));
        }
        return {
          job: input.job,
          result: placeProposal(input, checked.proposal),
          proposal: checked.proposal,
          provider: provider.name,
          model: provider.model,
          promptVersion: reply.promptVersion,
          usage: reply.usage,
          fallbackReason: null,
          fallbackDetail: null,
        };
      } catch (error) {
        if (controller.signal.aborted) {
          return local(input, NO_USAGE, "timeout", `no answer within ${config.timeoutMs} ms`);
        }
        if (error instanceof ProviderError)
          return local(input, error.usage, error.reason, error.message);
        return local(
          input,
          NO_USAGE,
          "error",
          error instanceof Error ? error.message : String(error),
        );
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The planner the environment configures: OpenAI with a key, else the local planner alone. */
export function plannerFromEnv(env: AiEnv): Planner {
  return createPlanner({
    provider: env.openai === null ? null : createOpenAIProvider(env.openai),
    timeoutMs: env.timeoutMs,
  });
}
