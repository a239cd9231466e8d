"use client";

import { useId, useState } from "react";
import { cn } from "./cn.ts";
import { THEME_COOKIE, type Theme } from "./preferences.ts";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * The colour theme: System (follows prefers-color-scheme), Light or Dark. The choice is a cookie
 * the server reads for the next page (root-shell.tsx) and applies at once to this one.
 */
export function ThemeSelect({ initial, className }: { initial: Theme; className?: string }) {
  const id = useId();
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
    <div className={cn("flex items-center justify-between gap-3", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
        className="control h-9 w-auto py-1"
      >
        {(Object.keys(LABEL) as Theme[]).map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
