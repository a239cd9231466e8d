import type { archiveGoal } from "@atlas/core/services/plans/goals";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZGoal, ZGoalIdInput } from "./goal.schema.ts";

export const ZArchiveGoalInput = ZGoalIdInput;

export const ZArchiveGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof archiveGoal>>;
