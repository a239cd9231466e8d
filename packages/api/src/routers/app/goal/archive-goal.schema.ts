import type { z } from "zod";
import { ZGoal, ZGoalIdInput } from "./goal.schema.ts";

export const ZArchiveGoalInput = ZGoalIdInput;
export type TArchiveGoalInput = z.infer<typeof ZArchiveGoalInput>;

export const ZArchiveGoalOutput = ZGoal;
