"use client";

import { useState, type ReactNode } from "react";
import { THEME_COOKIE, type Theme } from "./preferences.ts";

/**
 * ThemeSelect's select: the choice is a cookie the server reads for the next page
 * (root-shell.tsx) and applies at once to this one.
 */
export function ThemeChoice({
  id,
  initial,
  children,
}: {
  id: string;
  initial: Theme;
  /** The options. */
  children: ReactNode;
}) {
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    if (next === "system") {
      delete root.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
    } else {
      root.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    }
  }

  return (
    <select
      id={id}
      value={theme}
      onChange={(event) => choose(event.target.value as Theme)}
      className="control h-9 w-auto py-1"
    >
      {children}
    </select>
  );
}
