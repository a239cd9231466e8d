"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeError } from "~/lib/errors.ts";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";

export interface ActionMessage {
  tone: "error" | "done";
  text: string;
}

/**
 * A one-button write that changes the page: sent with the action's idempotency key (a retry of the
 * same action reuses it), then the page refreshes; the outcome is a status or an alert line.
 */
export function useKeyedAction() {
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const idempotency = useIdempotencyKey();

  async function run<T>(action: {
    /** What names the action for its key (the body it sends, or a signature). */
    signature: unknown;
    send: (idempotencyKey: string) => Promise<T>;
    done: (result: T) => string;
    failure: string;
    /** After a success the same signature is a new action (else a repeat replays the answer). */
    forgetKeyOnSuccess?: boolean;
    /** A refusal with this code means the page is stale: refresh it to show the new state. */
    refreshOn?: string;
  }) {
    if (isRefreshing) return;
    setMessage(null);
    try {
      const result = await action.send(idempotency.keyFor(action.signature));
      if (action.forgetKeyOnSuccess) idempotency.reset(action.signature);
      setMessage({ tone: "done", text: action.done(result) });
      startRefresh(() => router.refresh());
    } catch (error) {
      const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
      setMessage({ tone: "error", text: form ?? Object.values(fields)[0]?.[0] ?? action.failure });
      const code = (error as { data?: { code?: string } }).data?.code;
      if (action.refreshOn !== undefined && code === action.refreshOn) {
        startRefresh(() => router.refresh());
      }
    }
  }

  return { run, message, isRefreshing };
}

export function ActionMessageLine({ message }: { message: ActionMessage | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={message.tone === "error" ? "text-sm text-danger" : "text-sm text-success"}
    >
      {message.text}
    </p>
  );
}
