import type { exportLogPage } from "@atlas/core/services/log/export";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZId, ZInstantOutput, pageOf, type ServiceOutput } from "../../../schemas.ts";

/** A page of the log export; the CSV route walks the pages (packages/api/src/export.ts). */
export const ZExportLogInput = z
  .object({
    cursor: ZId.optional(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .default({ limit: 500 });

export const ZExportedEntry = z.object({
  id: z.string(),
  localDate: ZLocalDate,
  memberId: z.string(),
  memberName: z.string(),
  memberEmail: z.string(),
  itemType: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  kind: z.string(),
  /** Exact decimal text; null for skip and undo. */
  value: z.string().nullable(),
  note: z.string().nullable(),
  occurredAt: ZInstantOutput,
  recordedAt: ZInstantOutput,
  recordedById: z.string(),
  source: z.string(),
  revertsId: z.string().nullable(),
  isOverride: z.boolean(),
});

export const ZExportLogOutput = pageOf(ZExportedEntry) satisfies z.ZodType<
  ServiceOutput<typeof exportLogPage>
>;
