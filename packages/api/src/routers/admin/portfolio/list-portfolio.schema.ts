import type { listPortfolio } from "@atlas/core/services/workspaces/portfolio";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZId, ZRole, ZText, type ServiceOutput } from "../../../schemas.ts";

export const ZCoachFlag = z.enum([
  "slipping",
  "overloaded",
  "inactive",
  "streak_broken",
  "recovering",
]);
export const ZMemberStatusKind = z.enum(["on_leave", "vacation", "paused"]);
const ZLoadLevel = z.enum(["none", "near", "over", "critical"]);

export const ZListPortfolioInput = z
  .object({
    /** Only this workspace's members (one the caller coaches). */
    workspaceId: ZId.optional(),
    flag: ZCoachFlag.optional(),
    /** Part of a name or email. */
    search: ZText(100, "The search").optional(),
    /** The previous page's nextCursor. */
    cursor: z.string().max(1000).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .optional()
  .default({ limit: 50 });

export const ZMemberStatus = z.object({
  kind: ZMemberStatusKind,
  note: z.string().nullable(),
  untilDate: ZLocalDate.nullable(),
});

export const ZListPortfolioOutput = z.object({
  workspaces: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: ZRole,
      /** Set when the plan lacks the coach console: why the workspace is locked, and the plan that opens it. */
      lockedMessage: z.string().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      workspaceId: z.string(),
      workspaceName: z.string(),
      memberId: z.string(),
      name: z.string(),
      riskScore: z.number().int(),
      flags: z.array(z.object({ flag: ZCoachFlag, reason: z.string() })),
      sparkline: z.array(z.object({ date: ZLocalDate, score: z.number().int().nullable() })),
      consistency: z.number().nullable(),
      streaksAtRisk: z.number().int(),
      overload: z.object({ level: ZLoadLevel, overloadedDays: z.number().int() }),
      lastCheckInAt: z.date().nullable(),
      status: ZMemberStatus.nullable(),
    }),
  ),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof listPortfolio>>;
