"use server";

import { assertDevSignInAllowed, listDevUsers } from "@atlas/auth";
import { notFound, redirect } from "next/navigation";
import type { Route } from "next";
import { clearDevSessionCookie, safeNextPath, setDevSessionCookie } from "~/lib/session-cookie.ts";
import { getApi, getSession } from "~/lib/trpc/server.ts";

function devOnly() {
  try {
    assertDevSignInAllowed();
  } catch {
    notFound();
  }
}

/** Dev sign-in: the chosen seeded user, in their first workspace. */
export async function signInAs(formData: FormData) {
  devOnly();
  const userId = formData.get("userId");
  const user = (await listDevUsers()).find((candidate) => candidate.id === userId);
  if (!user) redirect("/dev/sign-in?error=unknown-user");
  await setDevSessionCookie({
    userId: user.id,
    workspaceId: user.memberships[0]?.workspaceId ?? null,
  });
  redirect(safeNextPath(formData.get("next")) as Route);
}

export async function signOut() {
  devOnly();
  await clearDevSessionCookie();
  redirect("/dev/sign-in");
}

export type SwitchWorkspaceResult = { ok: true } | { ok: false; message: string };

/**
 * Makes `workspaceId` the session's active workspace: re-issues the dev cookie after checking
 * through the API (`workspace.list`) that the user is a member. With Clerk the browser switches
 * the active organization itself (OrganizationSwitcher → setActive).
 */
export async function switchWorkspace(workspaceId: string): Promise<SwitchWorkspaceResult> {
  devOnly();
  const session = await getSession();
  if (!session) redirect("/dev/sign-in");
  const workspaces = await (await getApi()).workspace.list();
  if (!workspaces.some((workspace) => workspace.id === workspaceId)) {
    return { ok: false, message: "You are not a member of that workspace." };
  }
  await setDevSessionCookie({ userId: session.userId, workspaceId });
  return { ok: true };
}
