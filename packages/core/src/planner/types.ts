/**
 * The AI planner's contract (docs/domain.md "AI suggestions"): what each of the four jobs takes,
 * what a provider (a language model or the local planner) proposes, and what the planner returns
 * once code has checked the proposal and placed it (docs/adr/0011-the-model-proposes-code-places.md).
 *
 * - An **input** is a snapshot the caller builds from one member's plans in one workspace. Titles,
 *   descriptions and notes in it are untrusted data.
 * - A **proposal** is what a provider returns. It names input items only by their input ids; new
 *   items carry client-local keys (`m1`, `m1.t2`). Every field is required and optional ones are
 *   nullable, as OpenAI's structured outputs require, so one schema serves every provider.
 * - A **result** is the proposal after the checks (`checks.ts`) and, for the jobs that place work
 *   on days, after the fitter (`fit.ts`): per item the day and the reason.
 */
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";

export const PLANNER_JOBS = ["decompose_goal", "weekly_plan", "recovery", "deferral"] as const;
export const ZPlannerJob = z.enum(PLANNER_JOBS);
export type PlannerJob = z.infer<typeof ZPlannerJob>;

/** Bounds every proposal obeys (docs/domain.md "AI suggestions" → "Checks"). */
export const PLANNER_LIMITS = {
  /** A proposed estimate, minutes. */
  estimateMinMinutes: 5,
  estimateMaxMinutes: 480,
  /** decompose_goal. */
  maxMilestones: 8,
  maxTasksPerMilestone: 8,
  maxHabitsPerMilestone: 3,
  maxHabits: 5,
  /** A habit's proposed duration, minutes (0 = no time set aside). */
  habitMaxMinutes: 240,
  /** Text a provider writes. */
  maxTitleLength: 200,
  maxTextLength: 1000,
  /** Descriptions and notes the member wrote (docs/domain.md "Input and refusals"). */
  maxInputTextLength: 5000,
  maxReasonLength: 300,
  /** Inputs: what one snapshot may carry. */
  maxInputItems: 200,
  /** The few-shot examples one request may carry. */
  maxExamples: 5,
  /** The learned estimate scale (learning.ts). */
  minEstimateScale: 0.5,
  maxEstimateScale: 2,
  /** Days a recovery step lasts at most, and days a deferral looks ahead. */
  maxRecoveryDays: 14,
  deferralHorizonDays: 14,
} as const;

const ZId = z.string().min(1).max(100);
/** A client-local key a provider gives an item it creates (never a database id). */
const ZKey = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,39}$/,
    "a key of 1 … 40 lowercase letters, digits, '.', '_' or '-'",
  );
const ZTitle = z.string().min(1).max(PLANNER_LIMITS.maxTitleLength);
const ZText = z.string().max(PLANNER_LIMITS.maxTextLength);
const ZInputText = z.string().max(PLANNER_LIMITS.maxInputTextLength);
const ZMinutes = z.number().int().min(0).max(1440);
export const ZPriority = z.enum(["low", "medium", "high"]);
/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const ZWeekday = z.number().int().min(1).max(7);

/** One local day of the planning window: its capacity and what is already committed on it. */
export const ZPlannerDay = z.object({
  localDate: ZLocalDate,
  capacityMinutes: ZMinutes,
  /** Minutes already taken: habits due that day and tasks dated that day but not in this plan. */
  committedMinutes: z.number().int().min(0).max(10_080),
});
export type PlannerDay = z.infer<typeof ZPlannerDay>;

/** An open task as the planner sees it. `estimateMinutes` null: the member set none. */
export const ZPlannerTask = z.object({
  id: ZId,
  title: ZTitle,
  notes: ZInputText.nullable(),
  priority: ZPriority,
  estimateMinutes: z.number().int().min(0).max(10_080).nullable(),
  dueDate: ZLocalDate.nullable(),
  plannedDate: ZLocalDate.nullable(),
});
export type PlannerTask = z.infer<typeof ZPlannerTask>;

/**
 * What the planner learned about the member (learning.ts), fed back through every input.
 * `estimateScale` multiplies estimates (the median accepted/proposed ratio, 0.5 … 2);
 * `maxTasksPerDay` caps the tasks placed on one day; `preferredWeekdays` are the only weekdays
 * the fitter plans on (null: every weekday).
 */
export const ZPlannerPreferences = z.object({
  estimateScale: z
    .number()
    .min(PLANNER_LIMITS.minEstimateScale)
    .max(PLANNER_LIMITS.maxEstimateScale)
    .default(1),
  maxTasksPerDay: z.number().int().min(1).max(20).nullable().default(null),
  preferredWeekdays: z.array(ZWeekday).max(7).nullable().default(null),
});
export type PlannerPreferences = z.infer<typeof ZPlannerPreferences>;
export const DEFAULT_PREFERENCES: PlannerPreferences = {
  estimateScale: 1,
  maxTasksPerDay: null,
  preferredWeekdays: null,
};

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────

export const ZDecomposeGoalInput = z.object({
  job: z.literal("decompose_goal"),
  /** The member's local today. */
  today: ZLocalDate,
  goal: z.object({
    id: ZId,
    title: ZTitle,
    description: ZInputText.nullable(),
    targetDate: ZLocalDate.nullable(),
  }),
  existingMilestones: z
    .array(z.object({ id: ZId, title: ZTitle, doneOn: ZLocalDate.nullable() }))
    .max(50),
  existingTasks: z
    .array(
      z.object({
        id: ZId,
        title: ZTitle,
        estimateMinutes: z.number().int().min(0).max(10_080).nullable(),
        isDone: z.boolean(),
      }),
    )
    .max(PLANNER_LIMITS.maxInputItems),
  existingHabits: z.array(z.object({ id: ZId, title: ZTitle })).max(PLANNER_LIMITS.maxInputItems),
  /** The member's capacity per ISO weekday, Monday first. */
  weeklyCapacityMinutes: z.array(ZMinutes).length(7),
  preferences: ZPlannerPreferences,
});
export type DecomposeGoalInput = z.infer<typeof ZDecomposeGoalInput>;

/** A habit whose days the plan may choose (times_per_week): `sessions` days of the week. */
export const ZPlannerHabit = z.object({
  id: ZId,
  title: ZTitle,
  durationMinutes: ZMinutes,
  sessions: z.number().int().min(1).max(7),
});
export type PlannerHabit = z.infer<typeof ZPlannerHabit>;

export const ZWeeklyPlanInput = z.object({
  job: z.literal("weekly_plan"),
  /** The coming week's 7 local days in order (weekStart … weekStart + 6). */
  days: z.array(ZPlannerDay).length(7),
  /** Open tasks that may be placed this week. */
  tasks: z.array(ZPlannerTask).max(PLANNER_LIMITS.maxInputItems),
  /** Flexible habits (times_per_week); fixed-day habits are in each day's committed minutes. */
  habits: z.array(ZPlannerHabit).max(50),
  preferences: ZPlannerPreferences,
});
export type WeeklyPlanInput = z.infer<typeof ZWeeklyPlanInput>;

/** A habit that needs recovery: a miss waiting for repair, a streak just broken, or overload. */
export const ZRecoveryHabit = z.object({
  id: ZId,
  title: ZTitle,
  durationMinutes: ZMinutes,
  /** The measurable target, if any (value in the habit's unit, up to 3 decimals). */
  target: z
    .object({
      value: z.number().positive().max(1_000_000),
      unit: z.string().min(1).max(30),
      direction: z.enum(["at_least", "at_most"]),
    })
    .nullable(),
  streak: z.number().int().min(0),
  /** The miss waiting for its repair (docs/domain.md "Occurrences and streaks"), if any. */
  pendingRepair: z
    .object({ missedOn: ZLocalDate, metNeeded: z.number().int().min(1).max(2) })
    .nullable(),
  /** Whether a new single miss could still be repaired (the 14-day spacing allows it). */
  canRepair: z.boolean(),
  /** The habit's due days within the window, ascending. */
  dueDates: z.array(ZLocalDate).max(PLANNER_LIMITS.maxRecoveryDays),
});
export type RecoveryHabit = z.infer<typeof ZRecoveryHabit>;

export const ZRecoveryInput = z.object({
  job: z.literal("recovery"),
  today: ZLocalDate,
  trigger: z.enum(["broken_streak", "pending_repair", "overload"]),
  /** today … today + 6 with capacity and committed minutes (the tasks below not included). */
  days: z.array(ZPlannerDay).length(7),
  habits: z.array(ZRecoveryHabit).max(50),
  /** Open tasks dated on an over-capacity day of the window (overload only). */
  tasks: z.array(ZPlannerTask).max(PLANNER_LIMITS.maxInputItems),
  preferences: ZPlannerPreferences,
});
export type RecoveryInput = z.infer<typeof ZRecoveryInput>;

export const ZDeferralInput = z.object({
  job: z.literal("deferral"),
  today: ZLocalDate,
  /** today … today + n − 1 with capacity and committed minutes (the overdue tasks not included). */
  days: z.array(ZPlannerDay).min(1).max(PLANNER_LIMITS.deferralHorizonDays),
  /** Open tasks whose day in the plan is before today. */
  overdueTasks: z.array(ZPlannerTask).max(PLANNER_LIMITS.maxInputItems),
  preferences: ZPlannerPreferences,
});
export type DeferralInput = z.infer<typeof ZDeferralInput>;

export const ZPlannerInput = z.discriminatedUnion("job", [
  ZDecomposeGoalInput,
  ZWeeklyPlanInput,
  ZRecoveryInput,
  ZDeferralInput,
]);
export type PlannerInput = z.infer<typeof ZPlannerInput>;
export type PlannerInputOf<J extends PlannerJob> = Extract<PlannerInput, { job: J }>;

// ── Proposals (what a provider returns; every field required, optional ones nullable) ───────

/**
 * Proposal text and ids carry no length keywords, which OpenAI's strict schemas do not all accept:
 * the checks hold them to the limits instead (checks.ts).
 */
const ZProposedText = z.string();

export const ZHabitScheduleProposal = z.strictObject({
  kind: z.enum(["daily", "days_of_week", "times_per_week"]),
  /** days_of_week: ISO weekdays; else null. */
  daysOfWeek: z.array(ZWeekday).max(7).nullable(),
  /** times_per_week: 1 … 7; else null. */
  timesPerWeek: z.number().int().min(1).max(7).nullable(),
});

export const ZDecomposeGoalProposal = z.strictObject({
  milestones: z
    .array(
      z.strictObject({
        key: ZKey,
        title: ZProposedText,
        description: ZProposedText.nullable(),
        targetDate: ZLocalDate.nullable(),
        tasks: z.array(
          z.strictObject({
            key: ZKey,
            title: ZProposedText,
            notes: ZProposedText.nullable(),
            estimateMinutes: z.number().int(),
            priority: ZPriority,
          }),
        ),
        habits: z.array(
          z.strictObject({
            key: ZKey,
            title: ZProposedText,
            schedule: ZHabitScheduleProposal,
            durationMinutes: z.number().int(),
          }),
        ),
      }),
    )
    .max(PLANNER_LIMITS.maxMilestones),
  rationale: ZProposedText.nullable(),
});
export type DecomposeGoalProposal = z.infer<typeof ZDecomposeGoalProposal>;

/** The order of `items` is the provider's priority; the fitter places them in that order. */
export const ZWeeklyPlanProposal = z.strictObject({
  items: z.array(
    z.strictObject({
      kind: z.enum(["task", "habit"]),
      /** An input task's or habit's id. */
      id: ZProposedText,
      /** Days the provider would like it on (a habit: one per session), or empty. */
      preferredDates: z.array(ZLocalDate).max(7),
      /** Only for a task without an estimate; else null (the member's estimate is used). */
      estimateMinutes: z.number().int().nullable(),
      reason: ZProposedText.nullable(),
    }),
  ),
  rationale: ZProposedText.nullable(),
});
export type WeeklyPlanProposal = z.infer<typeof ZWeeklyPlanProposal>;

export const ZRecoveryProposal = z.strictObject({
  /** Smaller steps: a reduced duration and target from today through `untilDate`. */
  habitSteps: z.array(
    z.strictObject({
      habitId: ZProposedText,
      durationMinutes: z.number().int(),
      /** The reduced target value (null: the habit has none, or it stays). */
      targetValue: z.number().nullable(),
      untilDate: ZLocalDate,
      /** Due days the member should meet to repair a waiting miss (the repair rule). */
      repairDates: z.array(ZLocalDate).max(2),
      reason: ZProposedText.nullable(),
    }),
  ),
  /** Tasks to move off over-capacity days, in priority order; the fitter picks the day. */
  taskMoves: z.array(
    z.strictObject({
      taskId: ZProposedText,
      preferredDates: z.array(ZLocalDate).max(7),
      reason: ZProposedText.nullable(),
    }),
  ),
  rationale: ZProposedText.nullable(),
});
export type RecoveryProposal = z.infer<typeof ZRecoveryProposal>;

export const ZDeferralProposal = z.strictObject({
  /** Overdue tasks in the order they should get room; the fitter picks each new day. */
  moves: z.array(
    z.strictObject({
      taskId: ZProposedText,
      preferredDates: z.array(ZLocalDate).max(PLANNER_LIMITS.deferralHorizonDays),
      reason: ZProposedText.nullable(),
    }),
  ),
  rationale: ZProposedText.nullable(),
});
export type DeferralProposal = z.infer<typeof ZDeferralProposal>;

export const PROPOSAL_SCHEMAS = {
  decompose_goal: ZDecomposeGoalProposal,
  weekly_plan: ZWeeklyPlanProposal,
  recovery: ZRecoveryProposal,
  deferral: ZDeferralProposal,
} as const;

export interface ProposalOf {
  decompose_goal: DecomposeGoalProposal;
  weekly_plan: WeeklyPlanProposal;
  recovery: RecoveryProposal;
  deferral: DeferralProposal;
}
export type PlannerProposal = ProposalOf[PlannerJob];

// ── Results (after the checks and the fitter; what a suggestion stores as its output) ───────

/** Where the fitter put one item, and why (docs/domain.md "AI suggestions" → "The fitter"). */
export const ZPlacement = z.object({
  kind: z.enum(["task", "habit"]),
  id: ZId,
  localDate: ZLocalDate,
  minutes: z.number().int().min(0),
  /** "Tue: 45 of 120 min free, before its due date Thu". */
  reason: z.string(),
});
export type Placement = z.infer<typeof ZPlacement>;

export const ZDidNotFit = z.object({
  kind: z.enum(["task", "habit"]),
  id: ZId,
  minutes: z.number().int().min(0),
  /** "needs 90 min; the most free on any day before its due date is 40". */
  reason: z.string(),
});
export type DidNotFit = z.infer<typeof ZDidNotFit>;

/** One day of the window after placement. */
export const ZPlannedDay = ZPlannerDay.extend({
  plannedMinutes: z.number().int().min(0),
  freeMinutes: z.number().int().min(0),
});
export type PlannedDay = z.infer<typeof ZPlannedDay>;

export const ZDecomposeGoalResult = z.object({
  job: z.literal("decompose_goal"),
  /** The proposal with estimates scaled by the member's estimate scale and clamped. */
  milestones: ZDecomposeGoalProposal.shape.milestones,
  rationale: ZText.nullable(),
});
export type DecomposeGoalResult = z.infer<typeof ZDecomposeGoalResult>;

/** What the fitter returns: the placements, what did not fit, and the days after placement. */
const fitted = {
  placements: z.array(ZPlacement),
  didNotFit: z.array(ZDidNotFit),
  days: z.array(ZPlannedDay),
};

export const ZWeeklyPlanResult = z.object({
  job: z.literal("weekly_plan"),
  ...fitted,
  rationale: ZText.nullable(),
});
export type WeeklyPlanResult = z.infer<typeof ZWeeklyPlanResult>;

export const ZRecoveryResult = z.object({
  job: z.literal("recovery"),
  habitSteps: ZRecoveryProposal.shape.habitSteps,
  /** The tasks' new days (each a move of the task's planned date). */
  ...fitted,
  rationale: ZText.nullable(),
});
export type RecoveryResult = z.infer<typeof ZRecoveryResult>;

/** Each overdue task's new day; a due date already passed moves to the new day too. */
export const ZDeferralResult = z.object({
  job: z.literal("deferral"),
  ...fitted,
  rationale: ZText.nullable(),
});
export type DeferralResult = z.infer<typeof ZDeferralResult>;

export const ZPlannerResult = z.discriminatedUnion("job", [
  ZDecomposeGoalResult,
  ZWeeklyPlanResult,
  ZRecoveryResult,
  ZDeferralResult,
]);
export type PlannerResult = z.infer<typeof ZPlannerResult>;
export interface ResultOf {
  decompose_goal: DecomposeGoalResult;
  weekly_plan: WeeklyPlanResult;
  recovery: RecoveryResult;
  deferral: DeferralResult;
}

// ── Few-shot examples (learning.ts selects them; the caller filters them to one workspace) ──

export const ZFewShotExample = z.object({
  job: ZPlannerJob,
  /** The suggestion's id, for tie-breaks and for tracing which examples a prompt carried. */
  suggestionId: ZId,
  /** The workspace it came from: the caller passes only the requesting workspace's. */
  workspaceId: ZId,
  decidedAt: z.string(),
  status: z.enum(["accepted", "edited"]),
  input: ZPlannerInput,
  /** What the member accepted: the suggestion's edited output when edited, else its output. */
  output: ZPlannerResult,
});
export type FewShotExample = z.infer<typeof ZFewShotExample>;
