import { z } from "zod";

export const ZWorkspaceSettings = z.object({
  lateEntryWindowDays: z.number().int(),
  sharesProgress: z.boolean(),
  aiAcceptanceThreshold: z.number(),
  defaultTimeZone: z.string(),
});

export const ZGetWorkspaceSettingsOutput = ZWorkspaceSettings;
export type TGetWorkspaceSettingsOutput = z.infer<typeof ZGetWorkspaceSettingsOutput>;
