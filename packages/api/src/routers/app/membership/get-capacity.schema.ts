import type { getCapacity } from "@atlas/core/services/plans/capacity";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";

/** Minutes a member can give on one ISO weekday. */
const ZDayMinutes = z.number().int().min(0).max(1440);

export const ZWeekCapacity = z.object({
  monMinutes: ZDayMinutes,
  tueMinutes: ZDayMinutes,
  wedMinutes: ZDayMinutes,
  thuMinutes: ZDayMinutes,
  friMinutes: ZDayMinutes,
  satMinutes: ZDayMinutes,
  sunMinutes: ZDayMinutes,
});

export const ZGetCapacityOutput = ZWeekCapacity satisfies z.ZodType<
  ServiceOutput<typeof getCapacity>
>;
