import type { z } from "zod";
import { ZWeekCapacity } from "./get-capacity.schema.ts";

/** The whole week at once: seven values, each 0..1440 minutes. */
export const ZUpdateCapacityInput = ZWeekCapacity;
export type TUpdateCapacityInput = z.infer<typeof ZUpdateCapacityInput>;

export const ZUpdateCapacityOutput = ZWeekCapacity;
export type TUpdateCapacityOutput = z.infer<typeof ZUpdateCapacityOutput>;
