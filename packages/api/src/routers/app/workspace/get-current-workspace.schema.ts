import { z } from "zod";
import { ZRole } from "../../../schemas.ts";

export const ZGetCurrentWorkspaceOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: ZRole,
});
