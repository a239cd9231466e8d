import { cn } from "./cn.ts";
import type { Theme } from "./preferences.ts";
import { ThemeChoice } from "./theme-choice.tsx";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * The colour theme: System (follows prefers-color-scheme), Light or Dark. Its label and options
 * are rendered where it is (on the server in the headers); ThemeChoice is the client select.
 */
export function ThemeSelect({ initial, className }: { initial: Theme; className?: string }) {
  return (
    <div className={cn("flex items-center justify-between gap-3", className)}>
      <label htmlFor="theme-select" className="text-sm font-medium">
        Theme
      </label>
      <ThemeChoice id="theme-select" initial={initial}>
        {(Object.keys(LABEL) as Theme[]).map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </ThemeChoice>
    </div>
  );
}
