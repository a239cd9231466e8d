import type { listApprovalQueue } from "@atlas/core/services/ai/review";
import { ZPlannerJob } from "@atlas/core/planner/types";
import { z } from "zod";
import { pageOf, ZId, ZInstantOutput, ZPageInput, type ServiceOutput } from "../../../schemas.ts";
import { ZPreview } from "../../app/ai/ai.schema.ts";

export const ZListApprovalQueueInput = z
  .object({
    /** One of the caller's workspaces; default: all of them whose plan has the queue. */
    workspaceId: ZId.optional(),
    ...ZPageInput,
  })
  .default({ limit: 50 });

/** Oldest first. */
export const ZListApprovalQueueOutput = pageOf(
  z.object({
    id: z.string(),
    workspace: z.object({ id: z.string(), name: z.string() }),
    member: z.object({ id: z.string(), name: z.string() }),
    type: ZPlannerJob,
    createdAt: ZInstantOutput,
    provider: z.string(),
    model: z.string(),
    fallbackReason: z.string().nullable(),
    preview: ZPreview,
  }),
) satisfies z.ZodType<ServiceOutput<typeof listApprovalQueue>>;
