import { getWorkspaceSettings as readSettings } from "@atlas/core/services/workspaces/workspaces";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetWorkspaceSettingsOutput } from "./get-workspace-settings.schema.ts";

/** Every member reads the settings (the late-entry window and sharing shape their own pages). */
export const getWorkspaceSettings = workspaceProcedure
  .output(ZGetWorkspaceSettingsOutput)
  .query(({ ctx }) => readSettings(ctx.db, ctx.workspace.id));
