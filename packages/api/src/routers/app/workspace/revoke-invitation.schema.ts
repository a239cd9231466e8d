import type { revokeInvitation } from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";
import { ZInvitation } from "./invitation.schema.ts";

export const ZRevokeInvitationInput = z.object({ invitationId: ZId });

export const ZRevokeInvitationOutput = ZInvitation satisfies z.ZodType<
  ServiceOutput<typeof revokeInvitation>
>;
