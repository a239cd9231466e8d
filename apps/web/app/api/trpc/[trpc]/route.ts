import { appRouter } from "@atlas/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "~/lib/context.ts";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext(request),
    onError: ({ path, error }) => {
      // Callers see an opaque message (the API's error formatter); the cause is logged here.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<no path>"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
