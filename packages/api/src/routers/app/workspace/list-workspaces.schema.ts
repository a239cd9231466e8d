import type { listMyWorkspaces } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import { ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZListWorkspacesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: ZRole,
    /** The session's active workspace. */
    isActive: z.boolean(),
  }),
) satisfies z.ZodType<ServiceOutput<typeof listMyWorkspaces>>;
