/** The web app's router (apps/web serves it at /api/trpc). */
import type { TRPCRouterRecord } from "@trpc/server";
import { getMySettings } from "./routers/app/me/get-my-settings.ts";
import { updateMySettings } from "./routers/app/me/update-my-settings.ts";
import { getCapacity } from "./routers/app/membership/get-capacity.ts";
import { updateCapacity } from "./routers/app/membership/update-capacity.ts";
import { getCurrentWorkspace } from "./routers/app/workspace/get-current-workspace.ts";
import { getWorkspaceSettings } from "./routers/app/workspace/get-workspace-settings.ts";
import { listMembers } from "./routers/app/workspace/list-members.ts";
import { listWorkspaces } from "./routers/app/workspace/list-workspaces.ts";
import { updateWorkspaceSettings } from "./routers/app/workspace/update-workspace-settings.ts";
import { createTRPCRouter } from "./trpc.ts";

const workspaceRouter = {
  current: getCurrentWorkspace,
  list: listWorkspaces,
  members: listMembers,
  settings: { get: getWorkspaceSettings, update: updateWorkspaceSettings },
} satisfies TRPCRouterRecord;

const meRouter = {
  settings: { get: getMySettings, update: updateMySettings },
} satisfies TRPCRouterRecord;

const membershipRouter = {
  capacity: { get: getCapacity, update: updateCapacity },
} satisfies TRPCRouterRecord;

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  me: meRouter,
  membership: membershipRouter,
});

export type AppRouter = typeof appRouter;
