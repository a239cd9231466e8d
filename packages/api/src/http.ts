/**
 * tRPC over HTTP: the apps' /api/trpc route handlers call `handleTRPCRequest`. On top of tRPC's
 * fetch handler it refuses a batch of more than MAX_BATCH_SIZE calls (400, before any call runs),
 * answers a rate-limited call with `Retry-After`, and logs the cause of unexpected errors (the
 * caller sees the opaque message of errors.ts).
 */
import type { AnyTRPCRouter, inferRouterContext } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "./batch.ts";
import { retryAfterSecondsOf } from "./errors.ts";

export const TRPC_ENDPOINT = "/api/trpc";

export function handleTRPCRequest<TRouter extends AnyTRPCRouter>({
  router,
  request,
  createContext,
}: {
  router: TRouter;
  request: Request;
  createContext: () => Promise<inferRouterContext<TRouter>>;
}): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta: ({ errors }) => {
      const waits = errors.map(retryAfterSecondsOf).filter((s): s is number => s !== null);
      return waits.length > 0 ? { headers: { "Retry-After": String(Math.max(...waits)) } } : {};
    },
    onError: ({ path, error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<no path>"} failed:`, error.cause ?? error);
      }
    },
  });
}
