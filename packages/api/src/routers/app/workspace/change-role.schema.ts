import type { changeRole } from "@atlas/core/services/workspaces/memberships";
import { z } from "zod";
import { ZId, ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZChangeRoleInput = z.object({ userId: ZId, role: ZRole });

export const ZMemberRecord = z.object({
  workspaceId: z.string(),
  userId: z.string(),
  role: ZRole,
  leftAt: z.date().nullable(),
});

export const ZChangeRoleOutput = ZMemberRecord satisfies z.ZodType<
  ServiceOutput<typeof changeRole>
>;
