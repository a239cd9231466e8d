"use server";

import { requireDevSignIn, setDevSessionCookie } from "@atlas/next-app/dev-session";
import { getSession } from "@atlas/next-app/server";
import { redirect } from "next/navigation";
import { getApi } from "~/lib/trpc/server.ts";

export type SwitchWorkspaceResult = { ok: true } | { ok: false; message: string };

/**
 * Makes `workspaceId` the session's active workspace: re-issues the dev cookie after checking
 * through the API (`workspace.list`) that the user is a member. With Clerk the browser switches
 * the active organization itself (OrganizationSwitcher → setActive).
 */
export async function switchWorkspace(workspaceId: string): Promise<SwitchWorkspaceResult> {
  requireDevSignIn();
  const session = await getSession();
  if (!session) redirect("/dev/sign-in");
  const workspaces = await (await getApi()).workspace.list();
  if (!workspaces.some((workspace) => workspace.id === workspaceId)) {
    return { ok: false, message: "You are not a member of that workspace." };
  }
  await setDevSessionCookie({ userId: session.userId, workspaceId });
  return { ok: true };
}
