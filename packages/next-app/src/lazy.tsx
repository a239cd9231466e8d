"use client";

import { lazy, Suspense, type ComponentType, type JSX, type ReactNode } from "react";

/**
 * A component whose code is a chunk of its own, fetched when it first renders (ADR 0013):
 * React.lazy inside its own Suspense boundary, which shows `fallback` (nothing by default) while
 * the chunk loads. The one way Atlas loads client code on use.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}
