"use client";

import { useRef } from "react";

/**
 * The one way the client makes idempotency keys (docs/domain.md "Idempotency"): one key per user
 * action, named by what it sends (`body`, or a signature string). Sending the same action again (a
 * retry after a network failure) reuses its key, so the server acts at most once; another body is
 * another action with its own key. `reset` after a success or a refusal: doing it again is new.
 */
export function useIdempotencyKey() {
  const keys = useRef(new Map<string, string>());
  const signatureOf = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));
  return {
    keyFor(body: unknown): string {
      const signature = signatureOf(body);
      const key = keys.current.get(signature) ?? crypto.randomUUID();
      keys.current.set(signature, key);
      return key;
    },
    /** Forget `body`'s key (or every key): the next submission is a new action. */
    reset(body?: unknown) {
      if (body === undefined) keys.current.clear();
      else keys.current.delete(signatureOf(body));
    },
  };
}
