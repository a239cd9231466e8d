"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { MAX_BATCH_SIZE } from "@atlas/api/batch";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { makeQueryClient } from "./query-client.ts";

type BatchLinkOptions<TRouter extends AnyTRPCRouter> = Parameters<typeof httpBatchLink<TRouter>>[0];

function batchLinkOptions<TRouter extends AnyTRPCRouter>() {
  // The server refuses larger batches; the link splits them at the same size.
  const options = { url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE };
  // Both routers use superjson (packages/api); TypeScript cannot see that through TRouter.
  return options as unknown as BatchLinkOptions<TRouter>;
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every request gets its own client; in the browser one lives for the page.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/**
 * The browser's tRPC for `TRouter`, served at /api/trpc: the provider the root layout mounts and
 * `useTRPC`. Call it once, in the app's own "use client" module.
 */
export function createTRPCReactProvider<TRouter extends AnyTRPCRouter>() {
  const { TRPCProvider, useTRPC } = createTRPCContext<TRouter>();

  function TRPCReactProvider({ children }: { children: ReactNode }) {
    const queryClient = getQueryClient();
    const [trpcClient] = useState(() =>
      createTRPCClient<TRouter>({
        links: [
          // Subscriptions stream over server-sent events (docs/architecture.md "Live inbox"):
          // the link reconnects by itself and resumes from the last event id it received.
          splitLink({
            condition: (op) => op.type === "subscription",
            true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
            false: httpBatchLink(batchLinkOptions<TRouter>()),
          }),
        ],
      }),
    );
    return (
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    );
  }

  return { TRPCReactProvider, useTRPC };
}
