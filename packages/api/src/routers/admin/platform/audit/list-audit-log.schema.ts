import type { listAuditLog } from "@atlas/core/services/platform/audit-log";
import { z } from "zod";
import { ZId, ZInstantOutput, ZText, type ServiceOutput } from "../../../../schemas.ts";

export const ZListAuditLogInput = z
  .object({
    workspaceId: ZId.optional(),
    actorUserId: ZId.optional(),
    /** An action ("support.read") or its prefix ("support."). */
    action: ZText(100, "The action").pipe(z.string().min(1)).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: ZId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
    message: "The start of the time range must come before its end.",
    path: ["to"],
  });

export const ZListAuditLogOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: ZInstantOutput,
      workspaceId: z.string().nullable(),
      workspaceName: z.string().nullable(),
      actorUserId: z.string().nullable(),
      actorEmail: z.string().nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      metadata: z.record(z.string(), z.unknown()),
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof listAuditLog>>;
