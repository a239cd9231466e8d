import { changeRole as change } from "@atlas/core/services/workspaces/memberships";
import { membersAdminProcedure, rateLimited } from "../../../trpc.ts";
import { ZChangeRoleInput, ZChangeRoleOutput } from "./change-role.schema.ts";

/** Owners and admins give a member another role (owners and admins: owners only); idempotent. */
export const changeRole = membersAdminProcedure
  .use(rateLimited("settings"))
  .input(ZChangeRoleInput)
  .output(ZChangeRoleOutput)
  .mutation(({ ctx, input }) =>
    change(
      { userId: ctx.session.userId, source: ctx.source },
      { workspaceId: ctx.workspace.id, userId: input.userId, role: input.role },
      { db: ctx.bypassDb },
    ),
  );
