import type { updateCapacity } from "@atlas/core/services/plans/capacity";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZWeekCapacity } from "./get-capacity.schema.ts";

/** The whole week at once: seven values, each 0..1440 minutes. */
export const ZUpdateCapacityInput = ZWeekCapacity;

export const ZUpdateCapacityOutput = ZWeekCapacity satisfies z.ZodType<
  ServiceOutput<typeof updateCapacity>
>;
