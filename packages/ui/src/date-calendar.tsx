"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "./cn.ts";
import { addDays, formatDate, isoWeekday, mondayOf } from "./dates.ts";

export interface CalendarProps {
  /** "YYYY-MM-DD" or "" for none. */
  value: string;
  min?: string;
  max?: string;
  locale: string;
  onPick: (date: string) => void;
  onCancel: () => void;
}

/** The first of the month `months` after the month of `date`. */
function shiftMonth(date: string, months: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** `date` moved by whole months, its day kept where the month has it (31 Jan + 1 → 28 Feb). */
function addMonths(date: string, months: number): string {
  const first = shiftMonth(date, months);
  const lastDay = Number(addDays(shiftMonth(first, 1), -1).slice(8));
  return `${first.slice(0, 8)}${String(Math.min(Number(date.slice(8)), lastDay)).padStart(2, "0")}`;
}

/**
 * A month grid for DateField (loaded on open): the APG date picker's keys: arrows move a day or a
 * week, Page Up/Down a month, Home/End to the week's ends, Enter or Space picks, Escape cancels;
 * Tab stays inside (previous month, next month, the grid).
 */
export function Calendar({ value, min, max, locale, onPick, onCancel }: CalendarProps) {
  // No date yet: start on today's month as this browser sees it (only which month is shown).
  const [focused, setFocused] = useState(
    () => value || clampDate(new Date().toISOString().slice(0, 10), min, max),
  );
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus the day on open and whenever it moves (the grid re-renders around it).
    rootRef.current?.querySelector<HTMLButtonElement>('[data-focused="true"]')?.focus();
  }, [focused]);

  const first = `${focused.slice(0, 8)}01`;
  const start = mondayOf(first);
  const weeks = Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)),
  ).filter((week) => week.some((day) => day.slice(0, 7) === first.slice(0, 7)));
  const isAllowed = (day: string) => (!min || day >= min) && (!max || day <= max);

  function move(next: string) {
    setFocused(clampDate(next, min, max));
  }

  function onGridKey(event: KeyboardEvent) {
    const keys: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
      Home: () => addDays(focused, 1 - isoWeekday(focused)),
      End: () => addDays(focused, 7 - isoWeekday(focused)),
    };
    const to = keys[event.key];
    if (to) {
      event.preventDefault();
      move(to());
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === "Tab") {
      // Keep focus inside while open.
      const stops = [...(rootRef.current?.querySelectorAll<HTMLElement>("[data-stop]") ?? [])];
      const index = stops.indexOf(document.activeElement as HTMLElement);
      const next = stops[(index + (event.shiftKey ? -1 : 1) + stops.length) % stops.length];
      event.preventDefault();
      next?.focus();
    }
  }

  const navButton =
    "flex size-8 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring";
  return (
    <div ref={rootRef} onKeyDown={onKeyDown} className="flex w-64 flex-col gap-2">
      <div className="flex items-center justify-between">
        <button
          type="button"
          data-stop
          className={navButton}
          onClick={() => move(addMonths(focused, -1))}
          aria-label="Previous month"
        >
          <span aria-hidden>‹</span>
        </button>
        <p aria-live="polite" className="text-sm font-medium">
          {formatDate(first, "monthYear", locale)}
        </p>
        <button
          type="button"
          data-stop
          className={navButton}
          onClick={() => move(addMonths(focused, 1))}
          aria-label="Next month"
        >
          <span aria-hidden>›</span>
        </button>
      </div>
      <table role="grid" aria-label={formatDate(first, "monthYear", locale)} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {weeks[0]!.map((day) => (
              <th
                key={day}
                scope="col"
                abbr={formatDate(day, "weekday", locale)}
                className="pb-1 text-xs font-medium text-muted-foreground"
              >
                {formatDate(day, "weekdayShort", locale).slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const isFocused = day === focused;
                const isOutside = day.slice(0, 7) !== first.slice(0, 7);
                return (
                  <td key={day} role="gridcell" aria-selected={day === value}>
                    <button
                      type="button"
                      data-focused={isFocused}
                      data-stop={isFocused ? true : undefined}
                      tabIndex={isFocused ? 0 : -1}
                      disabled={!isAllowed(day)}
                      aria-label={formatDate(day, "long", locale)}
                      onClick={() => onPick(day)}
                      className={cn(
                        "flex size-8 w-full items-center justify-center rounded-md text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-40",
                        day === value
                          ? "bg-primary text-primary-foreground hover:bg-primary-hover"
                          : isOutside
                            ? "text-muted-foreground hover:bg-muted"
                            : "hover:bg-muted",
                      )}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function clampDate(date: string, min: string | undefined, max: string | undefined): string {
  if (min && date < min) return min;
  if (max && date > max) return max;
  return date;
}
