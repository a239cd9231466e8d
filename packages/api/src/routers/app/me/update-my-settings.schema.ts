import type { updateMyTimeSetting } from "@atlas/core/services/access/time-settings";
import { z } from "zod";
import {
  atLeastOneField,
  ZDayStartMinutes,
  ZTimeZone,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZMySettings } from "./get-my-settings.schema.ts";

export const ZUpdateMySettingsInput = z
  .object({
    timeZone: ZTimeZone("Time zone").optional(),
    dayStartMinutes: ZDayStartMinutes.optional(),
  })
  .refine(atLeastOneField.check, { message: atLeastOneField.message });

export const ZUpdateMySettingsOutput = ZMySettings satisfies z.ZodType<
  ServiceOutput<typeof updateMyTimeSetting>
>;
