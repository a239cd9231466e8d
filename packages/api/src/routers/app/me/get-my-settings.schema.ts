import { z } from "zod";
import { ZLocalDateOutput } from "../../../schemas.ts";

export const ZMySettings = z.object({
  timeZone: z.string(),
  dayStartMinutes: z.number().int(),
  /** First local day of the version in force today; null while the user has only the defaults. */
  effectiveFrom: ZLocalDateOutput.nullable(),
  /** The caller's local today. */
  today: ZLocalDateOutput,
});

export const ZGetMySettingsOutput = ZMySettings;
export type TGetMySettingsOutput = z.infer<typeof ZGetMySettingsOutput>;
