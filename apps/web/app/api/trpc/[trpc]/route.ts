import { appRouter } from "@atlas/api";
import { createTRPCRouteHandler } from "@atlas/next-app/trpc-route";
import { createContext } from "~/lib/trpc/server.ts";

const handler = createTRPCRouteHandler({ router: appRouter, createContext });

export { handler as GET, handler as POST };
