/**
 * The ceiling of bench/api: the same Next, React and tRPC as apps/web serving one query that does
 * nothing (no session, no database), so web's figures read as a share of what the stack allows.
 */
import { initTRPC } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

const t = initTRPC.create();

const router = t.router({ ping: t.procedure.query(() => "pong") });

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router,
    createContext: () => ({}),
  });
}

export { handler as GET, handler as POST };
