/**
 * What a planner provider is (docs/architecture.md "AI planner"): something that proposes. It
 * never places and never writes; the planner checks its proposal and the fitter places it.
 */
import type {
  FewShotExample,
  PlannerInputOf,
  PlannerJob,
  ProposalOf,
} from "@atlas/core/planner/index";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /**
   * Cost in millionths of a US dollar (the price table in openai-pricing.ts); 0 for the local
   * planner; null for a model whose price is unknown.
   */
  costMicroUsd: number | null;
}

export const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, costMicroUsd: 0 };

export interface ProposeContext {
  /** Accepted examples of the same job from the requesting workspace only (learning.ts). */
  examples: readonly FewShotExample[];
  /** Aborts the request (the planner's timeout). */
  signal?: AbortSignal;
}

export interface ProviderReply<J extends PlannerJob> {
  /** Not yet trusted: the planner parses and checks it (checks.ts) before using it. */
  proposal: ProposalOf[J] | unknown;
  usage: Usage;
  /** The prompt file's version ("weekly_plan/v1"), or the local planner's rules version. */
  promptVersion: string;
}

export interface PlannerProvider {
  /** "openai", "local". */
  readonly name: string;
  readonly model: string;
  propose<J extends PlannerJob>(
    job: J,
    input: PlannerInputOf<J>,
    context: ProposeContext,
  ): Promise<ProviderReply<J>>;
}

/**
 * Why a provider's answer was not used (the planner then ran the local planner). Recorded with
 * the suggestion so a coach or an operator can see how often the model is overruled.
 */
export const FALLBACK_REASONS = [
  "timeout",
  "malformed",
  "refusal",
  "truncated",
  "quota",
  "rate_limited",
  "server_error",
  "check_failed",
  "error",
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** A provider's failure with the reason the planner records. */
export class ProviderError extends Error {
  constructor(
    readonly reason: FallbackReason,
    message: string,
    /** Usage already spent on the failed attempt (a refusal still costs tokens). */
    readonly usage: Usage = NO_USAGE,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
