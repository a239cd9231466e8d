"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  addDays,
  daysInMonth,
  diffDays,
  isLocalDate,
  isoWeekday,
  isoWeekStart,
  toLocalDate,
  type LocalDate,
} from "@atlas/time/calendar";
import { MAX_DATE, MIN_DATE } from "@atlas/core/bounds";
import { cn } from "./cn.ts";
import { formatDate } from "./dates.ts";

export interface CalendarProps {
  /** "YYYY-MM-DD" or "" for none, as DateField's caller gave it. */
  value: string;
  min?: string;
  max?: string;
  locale: string;
  onPick: (date: LocalDate) => void;
  onCancel: () => void;
}

/** The dates any input may name (docs/domain.md "Bounds"): the calendar shows no other. */
const FIRST = toLocalDate(MIN_DATE);
const LAST = toLocalDate(MAX_DATE);

/** A Monday-first week, for the weekday names. */
const WEEK = Array.from({ length: 7 }, (_, i) => addDays(isoWeekStart(FIRST), i));

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `date` moved by whole months, its day kept where the month has it (31 Jan + 1 → 28 Feb). */
function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [firstYear, lastYear] = [Number(FIRST.slice(0, 4)), Number(LAST.slice(0, 4))];
  const index = Math.min(Math.max(y * 12 + (m - 1) + months, firstYear * 12), lastYear * 12 + 11);
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return toLocalDate(
    `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}`,
  );
}

/**
 * A month grid for DateField (loaded on open): the APG date picker's keys: arrows move a day or a
 * week, Page Up/Down a month, Home/End to the week's ends, Enter or Space picks, Escape cancels;
 * Tab stays inside (previous month, next month, the grid).
 */
export function Calendar({ value, min, max, locale, onPick, onCancel }: CalendarProps) {
  // DateField passes its caller's strings through: only real dates count, within the input range.
  const chosen = isLocalDate(value) ? value : null;
  const from = isLocalDate(min) && min > FIRST ? min : FIRST;
  const to = isLocalDate(max) && max < LAST ? max : LAST;
  const clamp = (date: LocalDate) => (date < from ? from : date > to ? to : date);
  // No date yet: start on today's month as this browser sees it (only which month is shown).
  const [focused, setFocused] = useState(
    () => chosen ?? clamp(toLocalDate(new Date().toISOString().slice(0, 10))),
  );
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus the day on open and whenever it moves (the grid re-renders around it).
    rootRef.current?.querySelector<HTMLButtonElement>('[data-focused="true"]')?.focus();
  }, [focused]);

  const first = toLocalDate(`${focused.slice(0, 8)}01`);
  const start = isoWeekStart(first);
  // The last month's last week runs past the calendar's end: those cells stay empty.
  const weeks = Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => w * 7 + d).map((offset) =>
      offset <= diffDays(LAST, start) ? addDays(start, offset) : null,
    ),
  ).filter((week) => week.some((day) => day?.slice(0, 7) === first.slice(0, 7)));
  const isAllowed = (day: LocalDate) => day >= from && day <= to;

  function move(next: LocalDate) {
    setFocused(clamp(next));
  }

  function onGridKey(event: KeyboardEvent) {
    // Steps stop at the range's ends.
    const by = (days: number) =>
      addDays(focused, Math.min(Math.max(days, diffDays(from, focused)), diffDays(to, focused)));
    const keys: Record<string, () => LocalDate> = {
      ArrowLeft: () => by(-1),
      ArrowRight: () => by(1),
      ArrowUp: () => by(-7),
      ArrowDown: () => by(7),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
      Home: () => by(1 - isoWeekday(focused)),
      End: () => by(7 - isoWeekday(focused)),
    };
    const next = keys[event.key];
    if (next) {
      event.preventDefault();
      move(next());
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
            {WEEK.map((day) => (
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
              {week.map((day, weekday) => {
                if (day === null) return <td key={weekday} />;
                const isFocused = day === focused;
                const isOutside = day.slice(0, 7) !== first.slice(0, 7);
                return (
                  <td key={day} role="gridcell" aria-selected={day === chosen}>
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
                        day === chosen
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
