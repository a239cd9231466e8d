import type { z } from "zod";
import { ZHabit, ZHabitIdInput } from "./habit.schema.ts";

export const ZGetHabitInput = ZHabitIdInput;
export type TGetHabitInput = z.infer<typeof ZGetHabitInput>;

export const ZGetHabitOutput = ZHabit;
