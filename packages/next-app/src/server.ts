/** What a server component or action asks of the current request: who, and the API in process. */
import "server-only";
import { authProvider, getSession as sessionOf, type Session } from "@atlas/auth";
import { TRPCError } from "@trpc/server";
import { THEME_COOKIE, parseTheme, resolveLocale, type Theme } from "@atlas/ui/preferences";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

/** The current request as a Fetch Request (headers only), for packages/auth and the context. */
export async function currentRequest(): Promise<Request> {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "127.0.0.1";
  const protocol = incoming.get("x-forwarded-proto") ?? "http";
  return new Request(`${protocol}://${host}/`, { headers: new Headers(incoming) });
}

/** Who is signed in for this render (once per request). */
export const getSession = cache(async (): Promise<Session | null> =>
  sessionOf(await currentRequest()),
);

/** Who is signed in; nobody is sent to the sign-in in use. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(authProvider() === "clerk" ? "/sign-in" : "/dev/sign-in");
  return session;
}

/**
 * The app's router, called in process with the same context as /api/trpc (once per request):
 * `createServerApi(createCaller, contextFor)`.
 */
export function createServerApi<TContext, TCaller>(
  createCaller: (context: TContext) => TCaller,
  contextFor: (session: Session | null) => TContext,
): () => Promise<TCaller> {
  return cache(async () => createCaller(contextFor(await getSession())));
}

export function isTRPCError(error: unknown, code: TRPCError["code"]): error is TRPCError {
  return error instanceof TRPCError && error.code === code;
}

/** The locale dates are written in for this request (docs/architecture.md "Display preferences"). */
export const getLocale = cache(async (): Promise<string> =>
  resolveLocale((await headers()).get("accept-language")),
);

/** The reader's colour theme choice (the cookie the theme toggle writes). */
export const getTheme = cache(async (): Promise<Theme> =>
  parseTheme((await cookies()).get(THEME_COOKIE)?.value),
);
