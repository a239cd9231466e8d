import type { z } from "zod";
import { ZHabit, ZHabitIdInput } from "./habit.schema.ts";

export const ZArchiveHabitInput = ZHabitIdInput;
export type TArchiveHabitInput = z.infer<typeof ZArchiveHabitInput>;

export const ZArchiveHabitOutput = ZHabit;
