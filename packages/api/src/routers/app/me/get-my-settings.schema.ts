import { ZLocalDate } from "@atlas/time";
import type { getMyTimeSetting } from "@atlas/core/services/access/time-settings";
import { z } from "zod";
import { type ServiceOutput } from "../../../schemas.ts";

export const ZMySettings = z.object({
  timeZone: z.string(),
  dayStartMinutes: z.number().int(),
  /** First local day of the version in force today; null while the user has only the defaults. */
  effectiveFrom: ZLocalDate.nullable(),
  /** The caller's local today. */
  today: ZLocalDate,
});

export const ZGetMySettingsOutput = ZMySettings satisfies z.ZodType<
  ServiceOutput<typeof getMyTimeSetting>
>;
