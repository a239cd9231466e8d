"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError, type OperationLink, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "./query-client.ts";

/**
 * A link that imports the transport (./trpc-links.ts: the batch and subscription links) on the
 * first operation and hands every operation to it, so the transport is not part of a page's
 * cold load unless the page runs a query, mutation or subscription as it loads.
 */
function lazyTransportLink<TRouter extends AnyTRPCRouter>(): TRPCLink<TRouter> {
  return (runtime) => {
    let transport: Promise<OperationLink<TRouter>> | undefined;
    return ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let stopped = false;
        transport ??= import("./trpc-links.ts").then((m) => m.transportLink<TRouter>()(runtime));
        transport.then(
          (link) => {
            if (!stopped) subscription = link({ op, next }).subscribe(observer);
          },
          (cause: unknown) => {
            // The transport's chunk did not load (offline, a new deployment): try again next time.
            transport = undefined;
            if (!stopped) observer.error(TRPCClientError.from(cause as Error));
          },
        );
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
  };
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
      createTRPCClient<TRouter>({ links: [lazyTransportLink<TRouter>()] }),
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
