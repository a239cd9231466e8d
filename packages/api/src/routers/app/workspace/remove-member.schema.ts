import type { removeMember } from "@atlas/core/services/workspaces/memberships";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";
import { ZMemberRecord } from "./change-role.schema.ts";

export const ZRemoveMemberInput = z.object({ userId: ZId });

export const ZRemoveMemberOutput = ZMemberRecord satisfies z.ZodType<
  ServiceOutput<typeof removeMember>
>;
