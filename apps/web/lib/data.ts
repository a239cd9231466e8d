import "server-only";
import { cache } from "react";
import { getApi } from "~/lib/trpc/server.ts";

/** Reads shared by the shell and the pages, once per request. */
export const getWorkspaces = cache(async () => (await getApi()).workspace.list());

export const getActiveWorkspace = cache(async () => {
  const workspaces = await getWorkspaces();
  return workspaces.find((workspace) => workspace.isActive) ?? null;
});

export const getMe = cache(async () => (await getApi()).me.get());

/** The support grants open now in the active workspace (the banner of every page). */
export const getActiveSupport = cache(async () => (await getApi()).support.active());
