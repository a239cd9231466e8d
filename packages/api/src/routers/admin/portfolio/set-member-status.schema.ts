import type { setMemberStatus } from "@atlas/core/services/workspaces/portfolio";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZDateInput, ZId, ZText, type ServiceOutput } from "../../../schemas.ts";
import { ZMemberStatusKind } from "./list-portfolio.schema.ts";

export const ZSetMemberStatusInput = z.object({
  workspaceId: ZId,
  memberId: ZId,
  kind: ZMemberStatusKind,
  /** Shown beside the status, e.g. "parental leave". */
  note: ZText(200, "The note")
    .transform((note) => (note === "" ? null : note))
    .nullable()
    .default(null),
  /** The member's local date through which flags pause; null: until cleared. */
  untilDate: ZDateInput.nullable(),
});

export const ZSetMemberStatusOutput = z.object({
  workspaceId: z.string(),
  memberId: z.string(),
  kind: ZMemberStatusKind,
  note: z.string().nullable(),
  untilDate: ZLocalDate.nullable(),
  setById: z.string(),
  isActive: z.boolean(),
}) satisfies z.ZodType<ServiceOutput<typeof setMemberStatus>>;
