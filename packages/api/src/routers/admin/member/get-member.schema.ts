import type { getDrilledMember } from "@atlas/core/services/coaching/member-drill";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZGetMemberOutput = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  memberId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  /** The member's local today and zone: every write of the coach is dated by it. */
  localDate: ZLocalDate,
  timeZone: z.string(),
  lateEntryWindowDays: z.number().int(),
}) satisfies z.ZodType<ServiceOutput<typeof getDrilledMember>>;
