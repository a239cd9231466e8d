/** The first-run guide (docs/domain.md "First run"). */
import { HABIT_TEMPLATES } from "@atlas/core/first-run/templates";
import type {
  advanceFirstRun,
  getFirstRun,
  pickStarterHabits,
  skipFirstRun,
} from "@atlas/core/services/plans/first-run";
import { z } from "zod";
import { ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";
import { ZCreateHabitInput } from "../habit/create-habit.schema.ts";
import { ZHabit } from "../habit/habit.schema.ts";

const ZGuideStep = z.enum(["pick_habits", "set_capacity", "check_in"]);

/** Where the caller is in the guide; `step` null: the normal Today. */
export const ZFirstRunView = z.object({ step: ZGuideStep.nullable() });

export const ZGetFirstRunOutput = ZFirstRunView satisfies z.ZodType<
  ServiceOutput<typeof getFirstRun>
>;

/** A picked starter habit, as adjusted: the fields of `habit.create` a template fills. */
export const ZStarterHabit = ZCreateHabitInput.pick({
  title: true,
  schedule: true,
  target: true,
  durationMinutes: true,
});

export const ZPickStarterHabitsInput = z.object({
  /** One key for the whole pick: a retry creates nothing twice. */
  idempotencyKey: ZIdempotencyKey,
  habits: z
    .array(ZStarterHabit)
    .min(1, { error: "Pick at least one habit" })
    .max(HABIT_TEMPLATES.length, {
      error: `Pick at most ${HABIT_TEMPLATES.length} habits`,
    }),
});

export const ZPickStarterHabitsOutput = z.object({
  step: ZGuideStep,
  habits: z.array(ZHabit),
}) satisfies z.ZodType<ServiceOutput<typeof pickStarterHabits>>;

export const ZAdvanceFirstRunInput = z.object({
  /** The step the caller has just done. */
  from: z.enum(["set_capacity", "check_in"]),
});

export const ZAdvanceFirstRunOutput = ZFirstRunView satisfies z.ZodType<
  ServiceOutput<typeof advanceFirstRun>
>;

export const ZSkipFirstRunOutput = ZFirstRunView satisfies z.ZodType<
  ServiceOutput<typeof skipFirstRun>
>;
