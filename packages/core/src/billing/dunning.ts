/**
 * INTEGRATION(ENTITLE): a stand-in for the dunning ladder that the ENTITLE branch writes at this
 * same path (docs/domain.md "Dunning"), with the same names, so the billing page builds before
 * that branch is merged. When merging, take ENTITLE's file whole and drop this one.
 */
export const DUNNING_STAGES = ["none", "past_due", "paused", "read_only"] as const;
export type DunningStage = (typeof DUNNING_STAGES)[number];

/** Elapsed time past due, in whole days of 24 hours, from which a stage starts. */
export const PAUSED_AFTER_DAYS = 7;
export const READ_ONLY_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;
const FAILING = new Set(["past_due", "unpaid"]);

export interface DunningInput {
  status: string | null;
  pastDueSince: Date | null;
}

export function dunningStage(input: DunningInput, now: Date): DunningStage {
  if (input.status === null || !FAILING.has(input.status)) return "none";
  if (input.pastDueSince === null) return "past_due";
  const elapsed = now.getTime() - input.pastDueSince.getTime();
  if (elapsed >= READ_ONLY_AFTER_DAYS * DAY_MS) return "read_only";
  if (elapsed >= PAUSED_AFTER_DAYS * DAY_MS) return "paused";
  return "past_due";
}
