"use client";

import { useEffect } from "react";
import { isPlainShortcut } from "~/lib/keys.ts";

const KEYS = new Set(["j", "k", "x", "u", "s", "e", "Enter"]);
/** The handler, loaded once; keys pressed while it loads are handled in order. */
let handler: Promise<(event: KeyboardEvent) => void> | undefined;

/**
 * Today's keys (today-keys-handler.ts): j/k between the rows, a row's x/u/s/e/Enter press its
 * controls. The handler loads on the first of these keys and handles that key too (ADR 0013).
 */
export function TodayKeys() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPlainShortcut(event) || !KEYS.has(event.key)) return;
      handler ??= import("./today-keys-handler.ts").then((m) => m.onTodayKey);
      void handler.then((handle) => handle(event));
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
