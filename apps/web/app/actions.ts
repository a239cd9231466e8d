"use server";

import { requireDevSignIn, safeNextPath, setDevSessionCookie } from "@atlas/next-app/dev-session";
import { getSession, isTRPCError } from "@atlas/next-app/server";
import type { Route } from "next";
import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import { getApi } from "~/lib/trpc/server.ts";

export type SwitchWorkspaceResult = { ok: true } | { ok: false; message: string };

/**
 * Makes `workspaceId` the session's active workspace: re-issues the dev cookie after the API's
 * workspace check (`workspace.current` with that workspace) has found the user a member. With
 * Clerk the browser switches the active organization itself (OrganizationSwitcher → setActive).
 */
export async function switchWorkspace(workspaceId: string): Promise<SwitchWorkspaceResult> {
  requireDevSignIn();
  const session = await getSession();
  if (!session) redirect("/dev/sign-in");
  try {
    await (await getApi()).workspace.current({ workspaceId });
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN") || isTRPCError(error, "BAD_REQUEST")) {
      return { ok: false, message: "You are not a member of that workspace." };
    }
    throw error;
  }
  await setDevSessionCookie({ userId: session.userId, workspaceId });
  return { ok: true };
}

/**
 * The header's workspace switcher, a form per workspace: switches, then shows the page it was
 * posted from again for the new workspace. A redirect, not refresh(): the render in this request
 * would still read the session cached before the switch. A workspace the user has left since the
 * list was drawn is not switched to; the list drawn again no longer shows it.
 */
export async function chooseWorkspace(formData: FormData): Promise<void> {
  await switchWorkspace(String(formData.get("workspaceId")));
  const from = (await headers()).get("referer");
  redirect(safeNextPath(from ? pathOf(from) : "/") as Route, RedirectType.replace);
}

function pathOf(url: string): string | null {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return null;
  }
}
