import type { z } from "zod";
import { ZTask, ZTaskIdInput } from "./task.schema.ts";

export const ZArchiveTaskInput = ZTaskIdInput;
export type TArchiveTaskInput = z.infer<typeof ZArchiveTaskInput>;

export const ZArchiveTaskOutput = ZTask;
