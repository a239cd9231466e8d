import { supportWorkspaceMembers } from "@atlas/core/services/platform/support-access";
import { AppError } from "@atlas/core";
import { platformConsoleProcedure } from "../../../../console-access.ts";
import { ZGetSupportMembersOutput } from "./get-support-members.schema.ts";

/** Staff under an active grant: the workspace's members and recent scores (audited, read-only). */
export const getSupportMembers = platformConsoleProcedure
  .output(ZGetSupportMembersOutput)
  .query(async ({ ctx, input }) => {
    const { access } = ctx;
    if (access.kind !== "grant") {
      throw new AppError("FORBIDDEN", "Open a workspace you coach from the portfolio instead.");
    }
    return {
      grant: {
        id: access.grantId,
        scope: access.scope,
        expiresAt: access.expiresAt.toISOString(),
        workspaceName: access.workspaceName,
      },
      members: await supportWorkspaceMembers(ctx.consoleDb, input.workspaceId),
    };
  });
