import type { getTask } from "@atlas/core/services/plans/tasks";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZTask, ZTaskIdInput } from "./task.schema.ts";

export const ZGetTaskInput = ZTaskIdInput;

export const ZGetTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof getTask>>;
