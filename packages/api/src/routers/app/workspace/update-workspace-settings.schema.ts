import type { updateWorkspaceSettings } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import { atLeastOneField, ZTimeZone, ZWholeNumber, type ServiceOutput } from "../../../schemas.ts";
import { ZWorkspaceSettings } from "./get-workspace-settings.schema.ts";

const THRESHOLD_ERROR =
  "AI acceptance threshold must be a number from 0 to 1, with at most 3 decimal places";

/** Stored as DECIMAL(4,3): more than three decimals would be silently rounded, so refuse them. */
const ZThreshold = z
  .number({ error: THRESHOLD_ERROR })
  .min(0, { error: THRESHOLD_ERROR })
  .max(1, { error: THRESHOLD_ERROR })
  .refine((v) => Math.round(v * 1000) / 1000 === v, { error: THRESHOLD_ERROR });

export const ZUpdateWorkspaceSettingsInput = z
  .object({
    lateEntryWindowDays: ZWholeNumber("Late-entry window", 0, 60, "days").optional(),
    sharesProgress: z.boolean({ error: "Sharing progress must be on or off" }).optional(),
    aiAcceptanceThreshold: ZThreshold.optional(),
    defaultTimeZone: ZTimeZone("Default time zone").optional(),
  })
  .refine(atLeastOneField.check, { message: atLeastOneField.message });

export const ZUpdateWorkspaceSettingsOutput = ZWorkspaceSettings satisfies z.ZodType<
  ServiceOutput<typeof updateWorkspaceSettings>
>;
