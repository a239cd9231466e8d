import type { z } from "zod";
import { ZTask, ZTaskIdInput } from "./task.schema.ts";

export const ZGetTaskInput = ZTaskIdInput;
export type TGetTaskInput = z.infer<typeof ZGetTaskInput>;

export const ZGetTaskOutput = ZTask;
