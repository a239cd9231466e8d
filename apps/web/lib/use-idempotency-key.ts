"use client";

import { useRef } from "react";

/**
 * The idempotency key of a create (DOMAIN.md "Idempotency"): one per user action. Submitting the
 * same body again (a retry after a failure) reuses the key, so the server creates it at most once;
 * a changed body is a new action with a new key (the server refuses a key reused for another body).
 */
export function useIdempotencyKey() {
  const last = useRef<{ signature: string; key: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const signature = JSON.stringify(body);
      if (last.current?.signature !== signature) {
        last.current = { signature, key: crypto.randomUUID() };
      }
      return last.current.key;
    },
    /** After a success: the next submission is a new action. */
    reset() {
      last.current = null;
    },
  };
}
