import type { AnyTRPCRouter, inferRouterContext } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

/** The /api/trpc route handler (GET and POST) serving `router`. */
export function createTRPCRouteHandler<TRouter extends AnyTRPCRouter>({
  router,
  createContext,
}: {
  router: TRouter;
  createContext: (request: Request) => Promise<inferRouterContext<TRouter>>;
}) {
  return function handler(request: Request) {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router,
      createContext: () => createContext(request),
      onError: ({ path, error }) => {
        // Callers see an opaque message (the API's error formatter); the cause is logged here.
        if (error.code === "INTERNAL_SERVER_ERROR") {
          console.error(`tRPC ${path ?? "<no path>"} failed:`, error.cause ?? error);
        }
      },
    });
  };
}
