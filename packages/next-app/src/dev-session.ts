/** The local dev sign-in's session cookie (embedded and test mode; Clerk keeps its own). */
import "server-only";
import {
  assertDevSignInAllowed,
  authEnv,
  closeDevSession,
  DEV_SESSION_COOKIE,
  devSessionCookieOptions,
  isDevSessionOpen,
  issueDevSession,
  openDevSession,
  readDevSession,
} from "@atlas/auth";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { servedOverHttps } from "./edge.ts";
import { currentRequest } from "./server.ts";

/** 404 unless the dev sign-in is allowed (embedded or test mode, no Clerk keys). */
export function requireDevSignIn(): void {
  try {
    assertDevSignInAllowed();
  } catch {
    notFound();
  }
}

function devSecret(): string {
  const auth = authEnv();
  if (auth.provider !== "dev") throw new Error("The dev session exists only with the dev sign-in.");
  return auth.ATLAS_DEV_SESSION_SECRET;
}

/** The claims of the request's dev cookie, when it carries a validly signed one. */
async function currentClaims(secret: string) {
  const token = (await cookies()).get(DEV_SESSION_COOKIE)?.value;
  return token ? readDevSession(token, secret) : null;
}

/**
 * Signs `session` into the dev cookie (HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS).
 * Switching workspace keeps the open server-side session; anyone else's ends and a new one opens.
 */
export async function setDevSessionCookie(session: { userId: string; workspaceId: string | null }) {
  const secret = devSecret();
  const current = await currentClaims(secret);
  const keeps = current?.userId === session.userId && (await isDevSessionOpen(current));
  if (current && !keeps) await closeDevSession(current);
  const sessionId = keeps ? current.sessionId : await openDevSession(session.userId);
  const token = await issueDevSession({ ...session, sessionId }, secret);
  const https = servedOverHttps(await currentRequest());
  (await cookies()).set(DEV_SESSION_COOKIE, token, devSessionCookieOptions({ https }));
}

/** Signs out: the server-side session ends (a copied cookie is refused too), the cookie goes. */
export async function clearDevSessionCookie() {
  const current = await currentClaims(devSecret());
  if (current) await closeDevSession(current);
  (await cookies()).delete({ name: DEV_SESSION_COOKIE, path: "/" });
}

/** A same-site path to return to after signing in; anything else becomes "/". */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.startsWith("/dev/") || value.includes("\\")) return "/";
  return value;
}
