/**
 * The local dev issuer (embedded and test mode only; docs/adr/0003). Clerk is not mounted there:
 * a sign-in page lists the users in the database and issues a signed session cookie (jose, HS256)
 * with the same Session shape. Refused in production mode and whenever Clerk keys are set.
 */
import { withBypass } from "@atlas/db/bypass";
import { atlasMode } from "@atlas/config";
import { type Db, type MembershipRole } from "@atlas/db";
import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import { clerkKeysPresent } from "../env.ts";
import type { Session } from "../session.ts";

type Env = Record<string, string | undefined>;

export const DEV_SESSION_COOKIE = "atlas_dev_session";
export const DEV_SESSION_ISSUER = "atlas-dev";
export const DEV_SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The dev sign-in was asked for where it must not exist: the route answers 404. */
export class DevSignInRefusedError extends Error {
  override name = "DevSignInRefusedError";
  readonly status = 404;
  readonly code = "NOT_FOUND";
}

/**
 * Throws DevSignInRefusedError unless the dev sign-in may run: ATLAS_MODE is `embedded` or `test`
 * (never production, the default when unset) and no Clerk key (CLERK_SECRET_KEY,
 * NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) is configured.
 */
export function assertDevSignInAllowed(env: Env = process.env): void {
  const mode = atlasMode(env);
  if (mode === "production") {
    throw new DevSignInRefusedError(
      "The dev sign-in is refused in production mode (ATLAS_MODE unset or production).",
    );
  }
  if (clerkKeysPresent(env)) {
    throw new DevSignInRefusedError(
      `The dev sign-in is refused while Clerk keys are configured (ATLAS_MODE=${mode}).`,
    );
  }
}

function keyOf(secret: string) {
  if (secret.length < 32) {
    throw new Error("The dev session secret must be at least 32 characters.");
  }
  return new TextEncoder().encode(secret);
}

/**
 * A compact JWS for the dev session cookie: HS256, `iss: "atlas-dev"`, `sub` = user id, claim
 * `wid` = workspace id (or null), valid 30 days.
 */
export async function issueDevSession(
  session: { userId: string; workspaceId: string | null },
  secret: string,
): Promise<string> {
  if (!session.userId) throw new Error("issueDevSession: userId is required.");
  return new SignJWT({ wid: session.workspaceId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(DEV_SESSION_ISSUER)
    .setSubject(session.userId)
    .setIssuedAt()
    .setExpirationTime(`${DEV_SESSION_MAX_AGE_SECONDS}s`)
    .sign(keyOf(secret));
}

/** The session in a dev token, or null when it is malformed, wrongly signed or expired. */
export async function readDevSession(token: string, secret: string): Promise<Session | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ["HS256"],
      issuer: DEV_SESSION_ISSUER,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const wid = payload.wid;
    if (!payload.sub || (wid !== null && wid !== undefined && typeof wid !== "string")) {
      return null;
    }
    return { userId: payload.sub, workspaceId: wid || null, via: "dev" };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

/**
 * The `Set-Cookie` value for a dev session: HttpOnly, SameSite=Lax, Path=/, 30 days. `secure`
 * stays off by default because the embedded apps serve plain HTTP on loopback.
 */
export function devSessionCookie(token: string, options: { secure?: boolean } = {}): string {
  return [
    `${DEV_SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${DEV_SESSION_MAX_AGE_SECONDS}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** The `Set-Cookie` value that signs the dev user out. */
export function clearDevSessionCookie(): string {
  return `${DEV_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

// ── Who can sign in ─────────────────────────────────────────────────────────────────────────

export interface DevUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: { workspaceId: string; workspaceName: string; role: MembershipRole }[];
}

/**
 * Every user with their memberships, for the dev sign-in page. Reading across workspaces needs
 * the bypass client, so this is allowed only where the dev sign-in is (embedded/test mode, no
 * Clerk keys) and each call is audited by withBypass. `db` is for tests (default: the shared
 * bypass client on DATABASE_ADMIN_URL).
 */
export async function listDevUsers(env: Env = process.env, db?: Db): Promise<DevUser[]> {
  assertDevSignInAllowed(env);
  return withBypass(
    { actor: "dev:sign-in", reason: "list users and memberships for the local dev sign-in page" },
    async (client) => {
      const users = await client.user.findMany({
        orderBy: [{ email: "asc" }],
        select: {
          id: true,
          email: true,
          name: true,
          isPlatformAdmin: true,
          memberships: {
            select: { workspaceId: true, role: true, workspace: { select: { name: true } } },
          },
        },
      });
      return users.map((user) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        isPlatformAdmin: user.isPlatformAdmin,
        memberships: user.memberships
          .map((m) => ({
            workspaceId: m.workspaceId,
            workspaceName: m.workspace.name,
            role: m.role,
          }))
          .sort((a, b) => a.workspaceName.localeCompare(b.workspaceName)),
      }));
    },
    db,
  );
}
