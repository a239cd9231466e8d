import type { TRPCClient } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";

type AnyClient = TRPCClient<AnyTRPCRouter>;

let loading: Promise<AnyClient> | undefined;

/**
 * The browser's tRPC client for `TRouter` (docs/architecture.md "Browser calls"), loaded on first
 * use: no page carries it at load (ADR 0013). Every call after the first reuses it.
 */
export function loadApi<TRouter extends AnyTRPCRouter>(): Promise<TRPCClient<TRouter>> {
  loading ??= import("./api-client.ts").then((m) => m.createApiClient());
  return loading as unknown as Promise<TRPCClient<TRouter>>;
}

const INTENT = ["pointerdown", "keydown", "focusin", "touchstart"] as const;
let listening = false;

/**
 * Starts loading the client at the reader's first sign of intent (a pointer, a key, a focus), so a
 * click's call seldom waits for it. Idempotent; a page with something to send calls it on mount.
 */
export function loadApiOnIntent(): void {
  if (listening || loading !== undefined || typeof window === "undefined") return;
  listening = true;
  const load = () => {
    for (const type of INTENT) window.removeEventListener(type, load, true);
    void loadApi();
  };
  for (const type of INTENT) window.addEventListener(type, load, { capture: true, passive: true });
}
