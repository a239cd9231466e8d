/**
 * The bounds of what a member may enter (docs/domain.md "Bounds"): one table read by the API's
 * schemas (also in the browser, so no server imports here) and by the services for the bounds
 * that depend on the member's local today.
 */

/** The first and last calendar dates any input may name. */
export const MIN_DATE = "2000-01-01";
export const MAX_DATE = "2100-12-31";

/** A habit starts on the member's today or up to this many days later. */
export const HABIT_START_MAX_DAYS_AHEAD = 365;

/** The largest value a target or a check-in may carry: beyond it a value is a typo, not a measure. */
export const MAX_VALUE = 1_000_000;

/** Minutes in a day: a habit's duration and a weekday's capacity. */
export const MAX_DAY_MINUTES = 1440;

/** Minutes in a week: a task's estimate. */
export const MAX_ESTIMATE_MINUTES = 10_080;

/** Milestones a goal may have. */
export const MAX_MILESTONES = 50;

/** Text lengths, in characters. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_LONG_TEXT_LENGTH = 5000;
export const MAX_UNIT_LENGTH = 30;
export const MAX_LIFE_AREA_LENGTH = 50;
export const MAX_NOTE_LENGTH = 500;
