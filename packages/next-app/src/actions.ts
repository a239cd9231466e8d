"use server";

import { listDevUsers } from "@atlas/auth";
import type { Route } from "next";
import { redirect } from "next/navigation";
import {
  clearDevSessionCookie,
  requireDevSignIn,
  safeNextPath,
  setDevSessionCookie,
} from "./dev-session.ts";

/** Dev sign-in: the chosen seeded user, in their first workspace (one cookie for both apps). */
export async function signInAs(formData: FormData) {
  requireDevSignIn();
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
  requireDevSignIn();
  await clearDevSessionCookie();
  redirect("/dev/sign-in");
}
