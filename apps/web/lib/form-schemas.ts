/**
 * The API's own input schemas, as the forms check them before sending (docs/domain.md "Bounds").
 * Loaded only on interaction by use-schema-check.ts (zod and the schemas stay out of every
 * page's first bundle); the server checks again and stays the authority.
 */
import { ZLoggedValue } from "@atlas/api/schemas";
import { ZCreateGoalInput } from "@atlas/api/routers/app/goal/create-goal.schema";
import { ZCreateHabitInput } from "@atlas/api/routers/app/habit/create-habit.schema";
import { ZCreateMilestoneInput } from "@atlas/api/routers/app/goal/create-milestone.schema";
import { ZCreateTaskInput } from "@atlas/api/routers/app/task/create-task.schema";
import { ZInviteInput } from "@atlas/api/routers/app/workspace/invite.schema";
import { ZUpdateCapacityInput } from "@atlas/api/routers/app/membership/update-capacity.schema";
import { ZUpdateGoalInput } from "@atlas/api/routers/app/goal/update-goal.schema";
import { ZUpdateHabitInput } from "@atlas/api/routers/app/habit/update-habit.schema";
import { ZUpdateMySettingsInput } from "@atlas/api/routers/app/me/update-my-settings.schema";
import { ZUpdateTaskInput } from "@atlas/api/routers/app/task/update-task.schema";
import { ZUpdateWorkspaceSettingsInput } from "@atlas/api/routers/app/workspace/update-workspace-settings.schema";
import { z } from "zod";

/** Each form's procedure and its input schema. */
const SCHEMAS = {
  "habit.create": ZCreateHabitInput,
  "habit.update": ZUpdateHabitInput,
  "task.create": ZCreateTaskInput,
  "task.update": ZUpdateTaskInput,
  "goal.create": ZCreateGoalInput,
  "goal.update": ZUpdateGoalInput,
  "goal.milestone.create": ZCreateMilestoneInput,
  "membership.capacity.update": ZUpdateCapacityInput,
  "me.settings.update": ZUpdateMySettingsInput,
  "workspace.settings.update": ZUpdateWorkspaceSettingsInput,
  "workspace.invite": ZInviteInput,
  // The amount box on Today (the rest of a check-in is the row's own).
  "log.checkIn.value": z.object({ value: ZLoggedValue }),
} satisfies Record<string, z.ZodType>;

export type FormSchemaName = keyof typeof SCHEMAS;

/** A form's problems, shaped as the API reports them (`zodError` of describeError). */
export interface Problems {
  fields: Record<string, string[] | undefined>;
  form: string | null;
}

/** The problems of `input` by the schema of `name`, by field as the API flattens them; null when it passes. */
export function problemsOf(name: FormSchemaName, input: unknown): Problems | null {
  const schema: z.ZodType = SCHEMAS[name];
  const result = schema.safeParse(input);
  if (result.success) return null;
  const flat = z.flattenError(result.error);
  return {
    fields: flat.fieldErrors,
    form: flat.formErrors.length > 0 ? flat.formErrors.join(" ") : null,
  };
}
