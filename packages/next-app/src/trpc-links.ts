import { MAX_BATCH_SIZE } from "@atlas/api/batch";
import { httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import superjson from "superjson";

type BatchLinkOptions<TRouter extends AnyTRPCRouter> = Parameters<typeof httpBatchLink<TRouter>>[0];

function batchLinkOptions<TRouter extends AnyTRPCRouter>() {
  // The server refuses larger batches; the link splits them at the same size.
  const options = { url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE };
  // Both routers use superjson (packages/api); TypeScript cannot see that through TRouter.
  return options as unknown as BatchLinkOptions<TRouter>;
}

/**
 * The browser's transport to /api/trpc. trpc-react.tsx imports this module on the first
 * operation, so a page that runs none never fetches it.
 */
export function transportLink<TRouter extends AnyTRPCRouter>(): TRPCLink<TRouter> {
  // Subscriptions stream over server-sent events (docs/architecture.md "Live inbox"): the link
  // reconnects by itself and resumes from the last event id it received.
  return splitLink({
    condition: (op) => op.type === "subscription",
    true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
    false: httpBatchLink(batchLinkOptions<TRouter>()),
  });
}
