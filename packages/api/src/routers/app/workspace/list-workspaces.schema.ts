import { z } from "zod";
import { ZRole } from "../../../schemas.ts";

export const ZListWorkspacesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: ZRole,
    /** The session's active workspace. */
    isActive: z.boolean(),
  }),
);
export type TListWorkspacesOutput = z.infer<typeof ZListWorkspacesOutput>;
