import type { listMembers } from "@atlas/core/services/workspaces/workspaces";
import { z } from "zod";
import { pageOf, ZPageInput, ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZListMembersInput = z.object({ ...ZPageInput }).default({ limit: 50 });

export const ZListMembersOutput = pageOf(
  z.object({
    id: z.string(),
    name: z.string(),
    /** Null for other members when the caller may not see them (permission `seeOthers`). */
    email: z.string().nullable(),
    role: ZRole,
  }),
) satisfies z.ZodType<ServiceOutput<typeof listMembers>>;
