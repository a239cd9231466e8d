"use server";

import { assertDevSignInAllowed, listDevUsers } from "@atlas/auth";
import type { Route } from "next";
import { notFound, redirect } from "next/navigation";
import { clearDevSessionCookie, safeNextPath, setDevSessionCookie } from "~/lib/session-cookie.ts";

function devOnly() {
  try {
    assertDevSignInAllowed();
  } catch {
    notFound();
  }
}

/** Dev sign-in: the chosen seeded user, in their first workspace (the same cookie as web's). */
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
