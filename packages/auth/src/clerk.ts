/**
 * Sessions from Clerk (production, or embedded/test with Clerk keys). Clerk's user and
 * organization ids are Atlas's `User.id` and `Workspace.id` (docs/adr/0003), so a verified
 * session token becomes a Session without a database lookup; membership is still checked on
 * every workspace procedure.
 *
 * Verification is networkless: the PEM public key (CLERK_JWT_KEY) is always passed explicitly as
 * `jwtKey` (Clerk would otherwise fetch the JWKS with the secret key).
 */
import { createClerkClient, verifyToken, type ClerkClient } from "@clerk/backend";
import { TokenVerificationError } from "@clerk/backend/errors";
import { AtlasConfigError } from "@atlas/config";
import { type MembershipRole } from "@atlas/db";
import { authEnv, type ClerkAuthEnv } from "./env.ts";
import type { Session } from "./session.ts";

type Env = Record<string, string | undefined>;

export interface ClerkTokenOptions {
  /** PEM public key of the Clerk instance (CLERK_JWT_KEY). */
  jwtKey: string;
  /**
   * Origins allowed in the token's `azp` claim, e.g. `["https://app.example.com"]`. Recommended in
   * production: a token minted for another origin of the same instance is then refused.
   */
  authorizedParties?: string[];
}

export interface ClerkRequestOptions {
  authorizedParties?: string[];
}

/**
 * The claims Atlas reads from a Clerk session token. Version 2 tokens carry the active
 * organization as `o: { id, rol, slg, … }` (`rol` without the `org:` prefix); version 1 tokens
 * as `org_id` / `org_role`.
 */
interface ClerkSessionClaims {
  sub?: unknown;
  v?: unknown;
  o?: { id?: unknown } | null;
  org_id?: unknown;
  sts?: unknown;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * A verified token's claims as a Session. A pending session (`sts: "pending"`: the user still has
 * a task to finish, such as choosing an organization) counts as signed out, as in Clerk's own
 * `toAuth()` default.
 */
export function sessionFromClerkClaims(claims: ClerkSessionClaims): Session | null {
  const userId = nonEmpty(claims.sub);
  if (userId === null || claims.sts === "pending") return null;
  const workspaceId = claims.v === 2 ? nonEmpty(claims.o?.id) : nonEmpty(claims.org_id);
  return { userId, workspaceId, via: "clerk" };
}

/**
 * Verifies a Clerk session token with Clerk's own `verifyToken` (signature, exp/nbf/iat with
 * Clerk's 5 s clock skew, azp when `authorizedParties` is given) and maps it to a Session. Any
 * verification failure is null.
 */
export async function sessionFromClerkToken(
  token: string,
  options: ClerkTokenOptions,
): Promise<Session | null> {
  if (!options.jwtKey) {
    throw new AtlasConfigError(
      "sessionFromClerkToken needs jwtKey (CLERK_JWT_KEY) to verify without a network call.",
      ["CLERK_JWT_KEY"],
    );
  }
  let claims: ClerkSessionClaims;
  try {
    // The package entry's verifyToken throws the first TokenVerificationError and returns the
    // claims (its "legacy return"), unlike the internal `{ data, errors }` form.
    claims = (await verifyToken(token, {
      jwtKey: options.jwtKey,
      authorizedParties: options.authorizedParties,
    })) as ClerkSessionClaims;
  } catch (error) {
    if (error instanceof TokenVerificationError) return null;
    throw error;
  }
  return sessionFromClerkClaims(claims);
}

// ── From a request ──────────────────────────────────────────────────────────────────────────

let cachedClient: { key: string; client: ClerkClient } | undefined;

/** One Clerk backend client per configuration (telemetry off). */
export function clerkClientFor(config: ClerkAuthEnv): ClerkClient {
  const key = [
    config.CLERK_SECRET_KEY,
    config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    config.CLERK_JWT_KEY,
  ].join("\0");
  if (cachedClient?.key !== key) {
    cachedClient = {
      key,
      client: createClerkClient({
        secretKey: config.CLERK_SECRET_KEY,
        publishableKey: config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
        jwtKey: config.CLERK_JWT_KEY,
        // Clerk's SDK telemetry posts to Clerk for development instances: never from here.
        telemetry: { disabled: true },
      }),
    };
  }
  return cachedClient.client;
}

/** Cookies and query parameters that make `authenticateRequest` call Clerk's API. */
const NETWORKED_COOKIE = /^(__refresh|__clerk_handshake_nonce)(_.*)?$/;
const NETWORKED_QUERY = "__clerk_handshake_nonce";

/**
 * The request as `authenticateRequest` should see it here: without the refresh-token cookie (an
 * expired session token plus `__refresh_*` on a GET makes Clerk refresh the session over the
 * network) and without a handshake nonce (exchanged for cookies over the network). Refreshing
 * and handshakes are the middleware's job (`clerkMiddleware` in the apps' proxy.ts); reading the
 * session for tRPC only needs the verified token.
 */
function withoutNetworkedState(request: Request): Request {
  const url = new URL(request.url);
  const parts = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const kept = parts.filter((part) => !NETWORKED_COOKIE.test(part.split("=", 1)[0]!.trim()));
  if (kept.length === parts.length && !url.searchParams.has(NETWORKED_QUERY)) return request;

  url.searchParams.delete(NETWORKED_QUERY);
  const headers = new Headers(request.headers);
  if (kept.length > 0) headers.set("cookie", kept.join("; "));
  else headers.delete("cookie");
  return new Request(url, { method: request.method, headers });
}

/**
 * The Clerk session of a request (the `__session` cookie, or `Authorization: Bearer <token>`),
 * authenticated by Clerk's `authenticateRequest` with `jwtKey`, so without a network call. A
 * signed-out, pending or handshake state is null (the apps' Clerk middleware performs the
 * handshake redirects and refreshes; this only reads who is signed in).
 */
export async function sessionFromClerkRequest(
  request: Request,
  env: Env = process.env,
  options: ClerkRequestOptions = {},
): Promise<Session | null> {
  const config = authEnv(env);
  if (config.provider !== "clerk") {
    throw new AtlasConfigError(
      "sessionFromClerkRequest: Clerk is not configured (no CLERK_SECRET_KEY / NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY); use getSession.",
      ["CLERK_SECRET_KEY", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY"],
    );
  }
  const state = await clerkClientFor(config).authenticateRequest(withoutNetworkedState(request), {
    jwtKey: config.CLERK_JWT_KEY,
    authorizedParties: options.authorizedParties,
  });
  if (!state.isAuthenticated) return null;
  const auth = state.toAuth();
  if (auth.tokenType !== "session_token" || !auth.userId) return null;
  return sessionFromClerkClaims(auth.sessionClaims as ClerkSessionClaims);
}

// ── Roles ───────────────────────────────────────────────────────────────────────────────────

const ROLES = new Map<string, MembershipRole>([
  ["owner", "owner"],
  ["admin", "admin"],
  ["coach", "coach"],
  ["member", "member"],
]);

/**
 * Clerk's custom roles `org:owner | org:admin | org:coach | org:member` are Atlas's roles one to
 * one (docs/domain.md "Workspaces and people"). Webhooks send `org:admin`; v2 session tokens send `admin`: both are accepted.
 * Any other role (a custom role Atlas does not know, Clerk's default `org:basic_member`, a typo
 * in the dashboard) maps to `member`, the least privileged role, never to more.
 */
export function mapClerkRole(role: string | null | undefined): MembershipRole {
  const key = (role ?? "").trim().toLowerCase().replace(/^org:/, "");
  return ROLES.get(key) ?? "member";
}
