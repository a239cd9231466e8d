import { COMMON_V1 } from "../common/v1.ts";

/** recovery/v1: smaller steps after a broken streak, a miss waiting for repair, or overload. */
export default {
  version: "recovery/v1",
  instructions: `${COMMON_V1}

Job: help the member recover after a broken streak, a miss waiting for its repair, or an overloaded week (the data's trigger).
Atlas's repair rule: a single miss is repaired when the habit's next two non-skipped occurrences are both met; repairs lie at least 14 days apart. Meeting a smaller target counts as met, so a smaller step keeps a repair within reach.
- habitSteps, one per habit in the data: durationMinutes no more than the habit's own; targetValue lower than an at_least target, equal to or up to twice an at_most target, null when the habit has no target; untilDate within 14 days from today.
- repairDates: when pendingRepair is set, the first metNeeded of the habit's dueDates; otherwise an empty list.
- taskMoves (an overloaded week): every task in the data, most important first, with preferredDates on days that have room (capacity minus committed minutes), or an empty list. Atlas keeps what fits and moves the rest.
- reason per step, and a one-sentence rationale.`,
};
