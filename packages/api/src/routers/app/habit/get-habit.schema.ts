import type { getHabit } from "@atlas/core/services/plans/habits";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZHabit, ZHabitIdInput } from "./habit.schema.ts";

export const ZGetHabitInput = ZHabitIdInput;

export const ZGetHabitOutput = ZHabit satisfies z.ZodType<ServiceOutput<typeof getHabit>>;
