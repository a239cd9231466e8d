import type { listInvitations } from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";
import { pageOf, ZPageInput, type ServiceOutput } from "../../../schemas.ts";
import { ZInvitation } from "./invitation.schema.ts";

export const ZListInvitationsInput = z.object({ ...ZPageInput }).default({ limit: 50 });

export const ZListInvitationsOutput = pageOf(
  ZInvitation.omit({ revokedAt: true }).extend({ isExpired: z.boolean() }),
) satisfies z.ZodType<ServiceOutput<typeof listInvitations>>;
