import type { archiveHabit } from "@atlas/core/services/plans/habits";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZHabit, ZHabitIdInput } from "./habit.schema.ts";

export const ZArchiveHabitInput = ZHabitIdInput;

export const ZArchiveHabitOutput = ZHabit satisfies z.ZodType<ServiceOutput<typeof archiveHabit>>;
