/**
 * The local dev issuer (embedded and test mode only; docs/adr/0003). Clerk is not mounted there:
 * a sign-in page lists the users in the database and issues a signed session cookie (jose, HS256)
 * with the same Session shape. Refused in production mode and whenever Clerk keys are set.
 *
 * The cookie names a server-side session (a `DevSession` row, its id in `jti`): signing out
 * deletes the row, and a cookie whose row is gone is refused however long its signature lasts.
 * Checking it is one primary-key lookup under the user's own row-level security, remembered as open
 * for DEV_SESSION_CHECK_TTL_MS in the process (a sign-out in this process forgets it at once).
 */
import { withBypass } from "@atlas/db/bypass";
import { atlasMode } from "@atlas/config";
import { createTenantDb, type Db, type MembershipRole } from "@atlas/db";
import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import { createPrismaClient } from "@atlas/db";
import { databaseUrls } from "@atlas/db/env";
import { clerkKeysPresent } from "../env.ts";

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

/** What a dev session cookie carries. */
export interface DevSessionClaims {
  userId: string;
  workspaceId: string | null;
  /** The server-side session (DevSession.id) the cookie belongs to. */
  sessionId: string;
}

/**
 * A compact JWS for the dev session cookie: HS256, `iss: "atlas-dev"`, `sub` = user id, `jti` =
 * the server-side session, claim `wid` = workspace id (or null), valid 30 days.
 */
export async function issueDevSession(claims: DevSessionClaims, secret: string): Promise<string> {
  if (!claims.userId) throw new Error("issueDevSession: userId is required.");
  if (!claims.sessionId) throw new Error("issueDevSession: sessionId is required.");
  return new SignJWT({ wid: claims.workspaceId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(DEV_SESSION_ISSUER)
    .setSubject(claims.userId)
    .setJti(claims.sessionId)
    .setIssuedAt()
    .setExpirationTime(`${DEV_SESSION_MAX_AGE_SECONDS}s`)
    .sign(keyOf(secret));
}

/**
 * The claims of a dev token, or null when it is malformed, wrongly signed or expired (its
 * server-side session is `isDevSessionOpen`'s to check).
 */
export async function readDevSession(
  token: string,
  secret: string,
): Promise<DevSessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ["HS256"],
      issuer: DEV_SESSION_ISSUER,
      requiredClaims: ["sub", "jti", "exp", "iat"],
    });
    const wid = payload.wid;
    if (
      !payload.sub ||
      !payload.jti ||
      (wid !== null && wid !== undefined && typeof wid !== "string")
    ) {
      return null;
    }
    return { userId: payload.sub, workspaceId: wid || null, sessionId: payload.jti };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

/**
 * The dev session cookie's attributes: HttpOnly, SameSite=Lax, Path=/, 30 days, and Secure when
 * the app is reached over HTTPS (the embedded apps serve plain HTTP on loopback, where a Secure
 * cookie would never come back).
 */
export function devSessionCookieOptions({ https }: { https: boolean }) {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: DEV_SESSION_MAX_AGE_SECONDS,
    secure: https,
  } as const;
}

// ── The server-side session ─────────────────────────────────────────────────────────────────

let sessionDb: { url: string; db: Db } | undefined;

/** A small app-role pool for the session check (dev sign-in only; Clerk keeps its own sessions). */
function devSessionDb(env: Env): Db {
  const url = databaseUrls(env).appUrl;
  if (sessionDb?.url !== url) sessionDb = { url, db: createPrismaClient(url, { max: 2 }) };
  return sessionDb.db;
}

const asUser = (db: Db, userId: string) => createTenantDb(db, { workspaceId: null, userId });

/** Opens a server-side session for `userId`; its id goes into the cookie. */
export async function openDevSession(
  userId: string,
  env: Env = process.env,
  db: Db = devSessionDb(env),
): Promise<string> {
  assertDevSignInAllowed(env);
  const row = await asUser(db, userId).devSession.create({
    data: { userId },
    select: { id: true },
  });
  return row.id;
}

/**
 * How long an open session is taken as open without asking the database again: the lookup cost
 * more than the rest of a signed-in call (bench/chain). A sign-out in another process (web vs
 * admin) is honoured here within this time; one in this process at once.
 */
export const DEV_SESSION_CHECK_TTL_MS = 5_000;

/** Most sessions remembered per client; the oldest go first. */
const REMEMBERED_SESSIONS = 10_000;

/** Per client: (user, session) → until when it counts as open (ms since the epoch). */
const openUntil = new WeakMap<Db, Map<string, number>>();

function rememberedOpen(db: Db) {
  let sessions = openUntil.get(db);
  if (!sessions) openUntil.set(db, (sessions = new Map()));
  return sessions;
}

const sessionKey = (claims: Pick<DevSessionClaims, "userId" | "sessionId">) =>
  JSON.stringify([claims.userId, claims.sessionId]);

/** True while the session has not been signed out (one primary-key lookup, remembered briefly). */
export async function isDevSessionOpen(
  claims: Pick<DevSessionClaims, "userId" | "sessionId">,
  env: Env = process.env,
  db: Db = devSessionDb(env),
): Promise<boolean> {
  const sessions = rememberedOpen(db);
  const key = sessionKey(claims);
  const until = sessions.get(key);
  if (until !== undefined && until > Date.now()) return true;
  sessions.delete(key);
  const row = await asUser(db, claims.userId).devSession.findUnique({
    where: { id: claims.sessionId },
    select: { id: true },
  });
  if (row === null) return false;
  sessions.set(key, Date.now() + DEV_SESSION_CHECK_TTL_MS);
  if (sessions.size > REMEMBERED_SESSIONS) sessions.delete(sessions.keys().next().value!);
  return true;
}

/** Signs the session out on the server: every copy of its cookie is refused from now on. */
export async function closeDevSession(
  claims: Pick<DevSessionClaims, "userId" | "sessionId">,
  env: Env = process.env,
  db: Db = devSessionDb(env),
): Promise<void> {
  rememberedOpen(db).delete(sessionKey(claims));
  await asUser(db, claims.userId).devSession.deleteMany({
    where: { id: claims.sessionId, userId: claims.userId },
  });
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
