/** The local dev sign-in's session cookie (embedded and test mode; Clerk keeps its own). */
import "server-only";
import {
  assertDevSignInAllowed,
  authEnv,
  DEV_SESSION_COOKIE,
  DEV_SESSION_MAX_AGE_SECONDS,
  issueDevSession,
} from "@atlas/auth";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";

/** 404 unless the dev sign-in is allowed (embedded or test mode, no Clerk keys). */
export function requireDevSignIn(): void {
  try {
    assertDevSignInAllowed();
  } catch {
    notFound();
  }
}

/** Signs `session` with the dev issuer and stores it (HttpOnly, SameSite=Lax, Path=/). */
export async function setDevSessionCookie(session: { userId: string; workspaceId: string | null }) {
  const auth = authEnv();
  if (auth.provider !== "dev") throw new Error("The dev session exists only with the dev sign-in.");
  const token = await issueDevSession(session, auth.ATLAS_DEV_SESSION_SECRET);
  (await cookies()).set(DEV_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: DEV_SESSION_MAX_AGE_SECONDS,
  });
}

export async function clearDevSessionCookie() {
  (await cookies()).delete({ name: DEV_SESSION_COOKIE, path: "/" });
}

/** A same-site path to return to after signing in; anything else becomes "/". */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.startsWith("/dev/") || value.includes("\\")) return "/";
  return value;
}
