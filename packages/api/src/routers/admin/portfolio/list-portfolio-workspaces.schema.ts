import { z } from "zod";
import { ZRole } from "../../../schemas.ts";

export const ZListPortfolioWorkspacesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: ZRole,
    memberCount: z.number().int(),
  }),
);
export type TListPortfolioWorkspacesOutput = z.infer<typeof ZListPortfolioWorkspacesOutput>;
