"use client";

import type { TRPCClient, TRPCClientErrorLike } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { useCallback, useEffect, useRef, useState } from "react";
import { loadApi, loadApiOnIntent } from "./api.ts";

export interface ActionOptions<TInput, TOutput, TError> {
  /** Awaited before `send` resolves, as the call's own follow-up (refresh, navigate). */
  onSuccess?: (data: TOutput, input: TInput) => unknown;
  onError?: (error: TError, input: TInput) => unknown;
}

export interface Action<TInput, TOutput, TError> {
  /** Calls the procedure; resolves with its answer, rejects with its error (also kept in `error`). */
  send: (input: TInput) => Promise<TOutput>;
  /** `send` for an event handler: a failure is kept in `error` (and given to onError), not thrown. */
  fire: (input: TInput) => void;
  isPending: boolean;
  /** The last call's failure, until the next call. */
  error: TError | null;
  /** The last call's answer. */
  data: TOutput | undefined;
}

/** A page of a list read with a cursor (the routers' `list` shape). */
export interface ListPage<TItem> {
  items: TItem[];
  nextCursor: string | null;
}

export interface Pages<TItem, TError> {
  /** What is shown: the server's first page, then every page read since, each item once. */
  items: TItem[];
  hasMore: boolean;
  isLoading: boolean;
  /** The last read's failure, until the next read. */
  error: TError | null;
  /** Reads the next page and adds what is new to `items`. */
  more: () => Promise<void>;
  /** Changes what is shown (an item marked read, a fresh first page merged in). */
  update: (change: (shown: ListPage<TItem>) => ListPage<TItem>) => void;
}

/**
 * React's hooks over the lazily loaded tRPC client of `TRouter` (docs/architecture.md "Browser
 * calls"). Each app binds them once, to its router, in `lib/api.ts`.
 */
export function createApiHooks<TRouter extends AnyTRPCRouter>() {
  type Api = TRPCClient<TRouter>;
  type ApiError = TRPCClientErrorLike<TRouter>;
  const api = () => loadApi<TRouter>();

  /**
   * A procedure to call (a mutation, or a query read on demand): `pick` names it on the client,
   * e.g. `(api) => api.habit.archive.mutate`. The client loads at the reader's first intent.
   */
  function useAction<TInput, TOutput>(
    pick: (api: Api) => (input: TInput) => Promise<TOutput>,
    options: ActionOptions<TInput, TOutput, ApiError> = {},
  ): Action<TInput, TOutput, ApiError> {
    const latest = useRef({ pick, options });
    latest.current = { pick, options };
    const mounted = useRef(true);
    const [pending, setPending] = useState(0);
    const [outcome, setOutcome] = useState<{ error: ApiError | null; data: TOutput | undefined }>({
      error: null,
      data: undefined,
    });
    useEffect(() => {
      mounted.current = true;
      loadApiOnIntent();
      return () => {
        mounted.current = false;
      };
    }, []);

    const send = useCallback(async (input: TInput) => {
      const { pick, options } = latest.current;
      const settle = (next: typeof outcome) => {
        if (!mounted.current) return;
        setPending((n) => n - 1);
        setOutcome(next);
      };
      setPending((n) => n + 1);
      setOutcome((o) => ({ ...o, error: null }));
      let data: TOutput;
      try {
        data = await pick(await api())(input);
      } catch (caught) {
        const error = caught as ApiError;
        settle({ error, data: undefined });
        await options.onError?.(error, input);
        throw error;
      }
      settle({ error: null, data });
      await options.onSuccess?.(data, input);
      return data;
    }, []);
    const fire = useCallback(
      (input: TInput) => {
        send(input).catch(() => undefined);
      },
      [send],
    );
    return { send, fire, isPending: pending > 0, error: outcome.error, data: outcome.data };
  }

  /**
   * Reads `read` once in the browser, when the component mounts: for what only the browser asks
   * for (the palette's lists when it opens); what a page shows at load comes from the server
   * (docs/architecture.md "Browser calls"). Undefined until it answers, and after a failure: the
   * caller shows what it has without it.
   */
  function useApiQuery<TOutput>(read: (api: Api) => Promise<TOutput>): TOutput | undefined {
    const first = useRef(read);
    const [data, setData] = useState<TOutput>();
    useEffect(() => {
      let stale = false;
      api()
        .then((client) => first.current(client))
        .then(
          (answer) => {
            if (!stale) setData(answer);
          },
          () => undefined,
        );
      return () => {
        stale = true;
      };
    }, []);
    return data;
  }

  /**
   * A list whose first page the server rendered (`first`) and whose next pages are read on demand
   * (`read` with the cursor, e.g. on "Show more"). Items are kept by id: a page overlapping what
   * is shown adds nothing twice.
   */
  function usePages<TItem extends { id: string }>(
    first: ListPage<TItem>,
    read: (api: Api, cursor: string) => Promise<ListPage<TItem>>,
  ): Pages<TItem, ApiError> {
    const latest = useRef(read);
    latest.current = read;
    const [shown, setShown] = useState(first);
    const [isLoading, setLoading] = useState(false);
    const [error, setError] = useState<ApiError | null>(null);
    const cursor = shown.nextCursor;

    const more = useCallback(async () => {
      if (cursor === null) return;
      setError(null);
      setLoading(true);
      try {
        const next = await latest.current(await api(), cursor);
        setShown((now) => {
          const ids = new Set(now.items.map((item) => item.id));
          return {
            items: [...now.items, ...next.items.filter((item) => !ids.has(item.id))],
            nextCursor: next.nextCursor,
          };
        });
      } catch (caught) {
        setError(caught as ApiError);
      } finally {
        setLoading(false);
      }
    }, [cursor]);

    return {
      items: shown.items,
      hasMore: cursor !== null,
      isLoading,
      error,
      more,
      update: setShown,
    };
  }

  return { api, useAction, useApiQuery, usePages };
}
