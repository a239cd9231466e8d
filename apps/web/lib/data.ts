/** Reads shared by the shell and the pages, once per request. */
import "server-only";
import { isTRPCError } from "@atlas/next-app/server";
import { cache } from "react";
import { getApi } from "~/lib/trpc/server.ts";

/** The switcher's workspaces: the first page (a person in more sees the first 100). */
export const getWorkspaces = cache(
  async () => (await (await getApi()).workspace.list({ limit: 100 })).items,
);

/** The session's workspace and the caller's role there; null: none chosen, or no longer theirs. */
export const getActiveWorkspace = cache(async () => {
  try {
    return await (await getApi()).workspace.current();
  } catch (error) {
    if (isTRPCError(error, "PRECONDITION_FAILED") || isTRPCError(error, "FORBIDDEN")) return null;
    throw error;
  }
});

export const getMe = cache(async () => (await getApi()).me.get());

/** The support grants open now in the active workspace (the banner of every page). */
export const getActiveSupport = cache(async () => (await getApi()).support.active());

/** The caller's time zone and today (dates in their own zone). */
export const getMySettings = cache(async () => (await getApi()).me.settings.get());

/** The bell's unread count in the active workspace, read with the page (docs "Live inbox"). */
export const getUnreadCount = cache(async (workspaceId: string) =>
  (await getApi()).inbox.unreadCount({ workspaceId }),
);
