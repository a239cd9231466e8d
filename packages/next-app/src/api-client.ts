import { MAX_BATCH_SIZE } from "@atlas/api/batch";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import superjson from "superjson";

/**
 * The browser's tRPC client: queries and mutations batched on /api/trpc with superjson, split at
 * the server's batch limit. Only `api.ts` imports it, through `import()`, so it is a chunk of its
 * own that no page loads before the reader acts (ADR 0013).
 */
export function createApiClient() {
  return createTRPCClient<AnyTRPCRouter>({
    links: [
      httpBatchLink({
        url: "/api/trpc",
        // Both routers use superjson (packages/api); TypeScript cannot see that through AnyTRPCRouter.
        transformer: superjson as never,
        maxItems: MAX_BATCH_SIZE,
      }),
    ],
  });
}
