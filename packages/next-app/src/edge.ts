/**
 * What every response and every request meets at the edge, shared by both apps: the security
 * headers (next-config.ts sends them on every path) and the same-origin rule for writes (proxy.ts).
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser addressed: a reverse proxy's `x-forwarded-host` first (as Next does). */
function ownHost(request: Request): string {
  return (
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host
  );
}

/**
 * A 403 for a write (POST, PUT, PATCH, DELETE: /api/trpc mutations, server actions, the dev
 * sign-in) whose `Origin` is present and not this app's; undefined when the request may go on.
 * An absent Origin passes: browsers send one with every cross-site write, scripts are not sessions.
 */
export function foreignOriginRefusal(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (SAFE_METHODS.has(request.method) || origin === null) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host; // "null" (a sandboxed or privacy-stripped origin) does not parse
  } catch {
    host = undefined;
  }
  if (host === ownHost(request)) return undefined;
  return Response.json(
    {
      error: {
        code: "FORBIDDEN",
        message: `Refused: a ${request.method} from another origin (${origin}) may not act on this app.`,
      },
    },
    { status: 403 },
  );
}

/** True when the browser reached the app over HTTPS (directly or through a TLS-ending proxy). */
export function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(/:$/, "")) === "https";
}

/** Clerk's Frontend API origin, encoded in its publishable key (`pk_…_<base64 of "host$">`). */
export function clerkFrontendApiOrigin(publishableKey: string | undefined): string | undefined {
  const encoded = /^pk_(?:test|live)_(.+)$/.exec(publishableKey ?? "")?.[1];
  if (!encoded) return undefined;
  const host = Buffer.from(encoded, "base64").toString("utf8").replace(/\$$/, "");
  return host ? `https://${host}` : undefined;
}

/**
 * The Content-Security-Policy. Next's App Router inlines its bootstrap scripts and styles, so
 * without a per-request nonce (which would make every page dynamic) scripts need 'unsafe-inline';
 * everything else comes from this origin only. `next dev` evaluates code (React Refresh); Clerk,
 * when mounted, loads clerk-js and its images from its own origins.
 */
export function contentSecurityPolicy(options: {
  isDev: boolean;
  clerkPublishableKey?: string;
}): string {
  const clerk = clerkFrontendApiOrigin(options.clerkPublishableKey);
  const clerkChallenges = "https://challenges.cloudflare.com";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      "'unsafe-inline'",
      ...(options.isDev ? ["'unsafe-eval'"] : []),
      ...(clerk ? [clerk, clerkChallenges] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(clerk ? ["https://img.clerk.com"] : [])],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(clerk ? [clerk] : [])],
    "frame-src": ["'self'", ...(clerk ? [clerkChallenges] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The headers every page, route and static file is sent with. */
export function securityHeaders(options: { isDev: boolean; clerkPublishableKey?: string }) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    // frame-ancestors 'none' for browsers that predate it.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
}
