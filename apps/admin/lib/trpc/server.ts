import "server-only";
import { createAdminCaller } from "@atlas/api";
import { getSession as sessionOf, type Session } from "@atlas/auth";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { cache } from "react";
import { contextFor } from "~/lib/context.ts";

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

/** The admin router, called in process with the same context as /api/trpc (once per request). */
export const getApi = cache(async () => createAdminCaller(contextFor(await getSession())));

export function isTRPCError(error: unknown, code: TRPCError["code"]): error is TRPCError {
  return error instanceof TRPCError && error.code === code;
}
