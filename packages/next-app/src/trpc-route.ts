import type { AnyTRPCRouter, inferRouterContext } from "@trpc/server";
import { handleTRPCRequest } from "@atlas/api/http";

/** The /api/trpc route handler (GET and POST) serving `router` (packages/api/src/http.ts). */
export function createTRPCRouteHandler<TRouter extends AnyTRPCRouter>({
  router,
  createContext,
}: {
  router: TRouter;
  createContext: (request: Request) => Promise<inferRouterContext<TRouter>>;
}) {
  return function handler(request: Request) {
    return handleTRPCRequest({ router, request, createContext: () => createContext(request) });
  };
}
