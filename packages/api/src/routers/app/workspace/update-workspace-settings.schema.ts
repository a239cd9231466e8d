import { ZTimeZone } from "@atlas/time";
import type { updateWorkspaceSettings } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import { atLeastOneField, type ServiceOutput } from "../../../schemas.ts";
import { ZWorkspaceSettings } from "./get-workspace-settings.schema.ts";

/** Stored as DECIMAL(4,3): more than three decimals would be silently rounded, so refuse them. */
const ZThreshold = z
  .number()
  .min(0)
  .max(1)
  .refine((v) => Math.round(v * 1000) / 1000 === v, { message: "At most 3 decimal places" });

export const ZUpdateWorkspaceSettingsInput = z
  .object({
    lateEntryWindowDays: z.number().int().min(0).max(60).optional(),
    sharesProgress: z.boolean().optional(),
    aiAcceptanceThreshold: ZThreshold.optional(),
    defaultTimeZone: ZTimeZone.optional(),
  })
  .refine(atLeastOneField.check, { message: atLeastOneField.message });

export const ZUpdateWorkspaceSettingsOutput = ZWorkspaceSettings satisfies z.ZodType<
  ServiceOutput<typeof updateWorkspaceSettings>
>;
