/**
 * Who sent a request, whichever sign-in the mode uses. The apps call this from their tRPC
 * context; it never calls Clerk's API, and reads the database only to check that a dev session
 * was not signed out.
 */
import { sessionFromClerkRequest, type ClerkRequestOptions } from "./clerk.ts";
import { DEV_SESSION_COOKIE, isDevSessionOpen, readDevSession } from "./dev/session.ts";
import { authEnv } from "./env.ts";
import type { Session } from "./session.ts";
import type { Db } from "@atlas/db";

type Env = Record<string, string | undefined>;

/** A cookie's value from a Cookie header (the first one of that name), or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/**
 * The request's Session, or null when nobody is signed in:
 * - provider `clerk` (production, or Clerk keys set): Clerk's `authenticateRequest` with the PEM
 *   key (`__session` cookie or `Authorization: Bearer`), no network call;
 * - provider `dev` (embedded/test without Clerk keys): the `atlas_dev_session` cookie, verified
 *   with the dev session secret, whose server-side session is still open.
 * Throws AtlasConfigError when the configuration is incomplete (production without Clerk keys).
 */
export async function getSession(
  request: Request,
  env: Env = process.env,
  options: ClerkRequestOptions & { devSessionDb?: Db } = {},
): Promise<Session | null> {
  const config = authEnv(env);
  if (config.provider === "clerk") return sessionFromClerkRequest(request, env, options);
  const token = readCookie(request.headers.get("cookie"), DEV_SESSION_COOKIE);
  if (!token) return null;
  const claims = await readDevSession(token, config.ATLAS_DEV_SESSION_SECRET);
  if (!claims || !(await isDevSessionOpen(claims, env, options.devSessionDb))) return null;
  return { userId: claims.userId, workspaceId: claims.workspaceId, via: "dev" };
}
