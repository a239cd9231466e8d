/**
 * The dunning ladder as the billing page and the past-due banner tell it (docs/domain.md
 * "Billing page"): the stage now and the instants the next steps start, from the same inputs
 * and thresholds as `dunningStage` (dunning.ts). Pure.
 */
import {
  PAUSED_AFTER_DAYS,
  READ_ONLY_AFTER_DAYS,
  dunningStage,
  type DunningInput,
  type DunningStage,
} from "./dunning.ts";

export interface DunningTimeline {
  stage: DunningStage;
  /** When the payment started failing (ISO); null when it is not failing or not known yet. */
  pastDueSince: string | null;
  /** When new AI suggestions and invitations pause (ISO), from pastDueSince. */
  pausesAt: string | null;
  /** When the workspace becomes read-only (ISO), from pastDueSince. */
  readOnlyAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function dunningTimeline(input: DunningInput, now: Date): DunningTimeline {
  const stage = dunningStage(input, now);
  const since = stage === "none" ? null : input.pastDueSince;
  const after = (days: number) =>
    since === null ? null : new Date(since.getTime() + days * DAY_MS).toISOString();
  return {
    stage,
    pastDueSince: since?.toISOString() ?? null,
    pausesAt: after(PAUSED_AFTER_DAYS),
    readOnlyAt: after(READ_ONLY_AFTER_DAYS),
  };
}
