import type { getWorkspaceSettings } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";

export const ZWorkspaceSettings = z.object({
  lateEntryWindowDays: z.number().int(),
  sharesProgress: z.boolean(),
  aiAcceptanceThreshold: z.number(),
  defaultTimeZone: z.string(),
});

export const ZGetWorkspaceSettingsOutput = ZWorkspaceSettings satisfies z.ZodType<
  ServiceOutput<typeof getWorkspaceSettings>
>;
