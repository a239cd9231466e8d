"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeError, firstError } from "~/lib/errors.ts";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";

type ClientError = Parameters<typeof describeError>[0] & {};

/** What the user reads when a write fails: the API's own words, a field's message first. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const { fields, form } = describeError(error as ClientError);
    return firstError(fields, "value") ?? Object.values(fields)[0]?.[0] ?? form ?? error.message;
  }
  return "Something went wrong. Please try again.";
}

/** A refusal (4xx) stored nothing, so a retry may as well be a new request. */
function isRefusal(error: unknown): boolean {
  const status = (error as ClientError | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Optimistic log writes for one row of Today. `server` is the row's view as the server rendered
 * it from `source` (the row's props, whose identity changes when the page is refreshed);
 * a write shows `optimistic` at once, then the server's answer, then refreshes the page so the
 * totals around the row (score, load, streaks) follow. A failed write rolls back and says why.
 *
 * Every write carries an idempotency key made once per user action (`signature`): a retry of the
 * same action after a network failure reuses it, so the server records it at most once.
 */
export function useLogWrite<TView>(source: object, server: TView) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  // The override belongs to the server view it was made on: a refreshed row replaces it.
  const [override, setOverride] = useState<{ base: object; view: TView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const idempotency = useIdempotencyKey();

  const view = override && override.base === source ? override.view : server;

  async function write<TResult>({
    signature,
    optimistic,
    send,
    settled,
    failure,
  }: {
    signature: string;
    optimistic: TView;
    send: (idempotencyKey: string) => Promise<TResult>;
    settled: (result: TResult) => TView;
    failure: string;
  }) {
    const key = idempotency.keyFor(signature);
    setError(null);
    setIsPending(true);
    setOverride({ base: source, view: optimistic });
    try {
      const result = await send(key);
      idempotency.reset(signature);
      setOverride({ base: source, view: settled(result) });
      startRefresh(() => router.refresh());
    } catch (caught) {
      if (isRefusal(caught)) idempotency.reset(signature);
      setOverride(null);
      setError(`${failure}: ${errorText(caught)}`);
    } finally {
      setIsPending(false);
    }
  }

  return { view, error, isPending, write };
}
