import type { listPortfolioWorkspaces } from "@atlas/core/services/workspaces/portfolio";
import { z } from "zod";
import { ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZListPortfolioWorkspacesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: ZRole,
    memberCount: z.number().int(),
  }),
) satisfies z.ZodType<ServiceOutput<typeof listPortfolioWorkspaces>>;
