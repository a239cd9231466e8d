import type { z } from "zod";
import { ZGoal, ZGoalIdInput } from "./goal.schema.ts";

export const ZGetGoalInput = ZGoalIdInput;
export type TGetGoalInput = z.infer<typeof ZGetGoalInput>;

export const ZGetGoalOutput = ZGoal;
