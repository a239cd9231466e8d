/**
 * Who may reach which page, before rendering; each app's proxy.ts is `createProxy()`.
 * - Clerk (production, or any Clerk key set): `clerkMiddleware` with the PEM `jwtKey` passed
 *   explicitly (it ignores CLERK_JWT_KEY otherwise); pages need a session, the API answers for
 *   itself (UNAUTHORIZED), /sign-in is public.
 * - Dev sign-in (embedded/test without Clerk keys): Clerk is not mounted at all (a pk_test_ key
 *   would send every navigation to Clerk's handshake); a page request without a valid dev
 *   session goes to /dev/sign-in.
 * Before either, a write whose Origin is another site's is refused (403, edge.ts): /api/trpc
 * mutations, server actions and the dev sign-in alike.
 * /api/inngest, /api/webhooks/* and static files never reach the proxy (see `proxyConfig`).
 */
import { authEnv, authProvider, getSession } from "@atlas/auth";
import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextFetchEvent, type NextProxy, type NextRequest } from "next/server";
import { foreignOriginRefusal } from "./edge.ts";

/**
 * The paths the proxy runs on. Next reads an app's `config` without running proxy.ts, so each
 * app writes this literal out again, `satisfies ProxyConfig` (a plain literal: Turbopack parses it).
 */
export const proxyConfig = {
  matcher: [
    "/((?!_next/static|_next/image|api/inngest|api/webhooks|api/notifications/unsubscribe|favicon\\.ico|.*\\.(?:css|js|map|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|txt|xml|webmanifest)$).*)",
  ],
} as const;

export type ProxyConfig = typeof proxyConfig;

/** Pages anyone may open with Clerk; each page and procedure still checks the session itself. */
function isClerkPublic(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    pathname === "/sign-in" || pathname.startsWith("/sign-in/") || pathname.startsWith("/api/")
  );
}

/**
 * Clerk passes its auth headers on by turning "continue" into a rewrite to `request.url`. Under
 * `next start -H <host>` Next hands the proxy a `localhost` URL but compares rewrites with the
 * bound host, so that rewrite is proxied back to this server, forever. A rewrite to the request's
 * own URL is a "continue": say so, keeping the request headers Clerk set.
 */
function continueInsteadOfSelfRewrite(request: NextRequest, response: Response | null | void) {
  const rewrite = response?.headers.get("x-middleware-rewrite");
  if (!response || !rewrite || new URL(rewrite).href !== new URL(request.url).href) return response;
  response.headers.delete("x-middleware-rewrite");
  response.headers.set("x-middleware-next", "1");
  return response;
}

function clerkProxy(): NextProxy {
  const config = authEnv();
  if (config.provider !== "clerk") throw new Error("unreachable: Clerk is not configured");
  const clerk = clerkMiddleware(
    async (auth, request) => {
      if (!isClerkPublic(request)) await auth.protect();
    },
    // The secret key is read by Clerk from CLERK_SECRET_KEY (passing it here would need
    // CLERK_ENCRYPTION_KEY); the PEM key is not read from the environment, so it goes here.
    {
      jwtKey: config.CLERK_JWT_KEY,
      publishableKey: config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
      signInUrl: "/sign-in",
    },
  );
  return async (request, event) =>
    continueInsteadOfSelfRewrite(request, await clerk(request, event));
}

async function devProxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") || pathname.startsWith("/dev/")) return NextResponse.next();
  if (await getSession(request)) return NextResponse.next();
  const signIn = new URL("/dev/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
  return NextResponse.redirect(signIn);
}

/** The app's proxy: Clerk or the dev sign-in, decided on the first request. */
export function createProxy() {
  let handler: NextProxy | undefined;
  return function proxy(request: NextRequest, event: NextFetchEvent) {
    const refusal = foreignOriginRefusal(request);
    if (refusal) return refusal;
    handler ??= authProvider() === "clerk" ? clerkProxy() : devProxy;
    return handler(request, event);
  };
}
