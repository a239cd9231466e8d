import type { archiveTask } from "@atlas/core/services/plans/tasks";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZTask, ZTaskIdInput } from "./task.schema.ts";

export const ZArchiveTaskInput = ZTaskIdInput;

export const ZArchiveTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof archiveTask>>;
