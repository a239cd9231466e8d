import { z } from "zod";
import { ZRole } from "../../../schemas.ts";
import { ZDunningTimeline } from "../billing/billing.schema.ts";

export const ZGetCurrentWorkspaceOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: ZRole,
  /** Where a failing payment stands, for who sees billing (the past-due banner); else null. */
  dunning: ZDunningTimeline.nullable(),
});
