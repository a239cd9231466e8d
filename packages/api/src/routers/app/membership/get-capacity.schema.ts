import type { getCapacity } from "@atlas/core/services/plans/capacity";
import { z } from "zod";
import { MAX_DAY_MINUTES } from "@atlas/core/bounds";
import { ZWholeNumber, type ServiceOutput } from "../../../schemas.ts";

/** Minutes a member can give on one ISO weekday (the form labels each by its day). */
const ZDayMinutes = (day: string) => ZWholeNumber(day, 0, MAX_DAY_MINUTES, "minutes");

export const ZWeekCapacity = z.object({
  monMinutes: ZDayMinutes("Monday"),
  tueMinutes: ZDayMinutes("Tuesday"),
  wedMinutes: ZDayMinutes("Wednesday"),
  thuMinutes: ZDayMinutes("Thursday"),
  friMinutes: ZDayMinutes("Friday"),
  satMinutes: ZDayMinutes("Saturday"),
  sunMinutes: ZDayMinutes("Sunday"),
});

export const ZGetCapacityOutput = ZWeekCapacity satisfies z.ZodType<
  ServiceOutput<typeof getCapacity>
>;
