import { updateWorkspaceSettings as writeSettings } from "@atlas/core/services/workspaces/workspaces";
import { rateLimited, workspaceAdminProcedure } from "../../../trpc.ts";
import {
  ZUpdateWorkspaceSettingsInput,
  ZUpdateWorkspaceSettingsOutput,
} from "./update-workspace-settings.schema.ts";

/** Owners and admins change the workspace's settings. */
export const updateWorkspaceSettings = workspaceAdminProcedure
  .use(rateLimited("settings"))
  .input(ZUpdateWorkspaceSettingsInput)
  .output(ZUpdateWorkspaceSettingsOutput)
  .mutation(({ ctx, input }) => {
    const { workspaceId: _route, ...patch } = input;
    return writeSettings(ctx.db, ctx.workspace.id, patch);
  });
