import { z } from "zod";

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

export const ZGetCapacityOutput = ZWeekCapacity;
export type TGetCapacityOutput = z.infer<typeof ZGetCapacityOutput>;
