import type { getMe } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";

export const ZGetMeOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
}) satisfies z.ZodType<ServiceOutput<typeof getMe>>;
