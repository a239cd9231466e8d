import type { listMyWorkspaces } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import { pageOf, ZPageInput, ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZListWorkspacesInput = z.object({ ...ZPageInput }).default({ limit: 50 });

/** In creation order. */
export const ZListWorkspacesOutput = pageOf(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: ZRole,
    /** The session's active workspace. */
    isActive: z.boolean(),
  }),
) satisfies z.ZodType<ServiceOutput<typeof listMyWorkspaces>>;
