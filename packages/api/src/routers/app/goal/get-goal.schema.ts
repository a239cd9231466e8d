import type { getGoal } from "@atlas/core/services/plans/goals";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZGoal, ZGoalIdInput } from "./goal.schema.ts";

export const ZGetGoalInput = ZGoalIdInput;

export const ZGetGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof getGoal>>;
