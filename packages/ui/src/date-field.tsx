"use client";

import { useEffect, useRef, useState, type ComponentType } from "react";
import { cn } from "./cn.ts";
import type { CalendarProps } from "./date-calendar.tsx";
import { formatDate } from "./dates.ts";
import { useLocale } from "./locale.tsx";

/** Loaded when a field first opens, so pages carry no calendar until someone picks a date. */
let calendar: Promise<ComponentType<CalendarProps>> | undefined;
/** A real calendar day written "YYYY-MM-DD" (the schemas check its range: docs/domain.md "Bounds"). */
function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const loadCalendar = () => (calendar ??= import("./date-calendar.tsx").then((m) => m.Calendar));

/**
 * The one date control: shows the date as the app writes dates everywhere (the reader's locale,
 * "4 Dec 2026"), opens a small calendar (keyboard: arrows, Page Up/Down, Home/End, Enter, Escape),
 * and keeps the value "YYYY-MM-DD" ("" for none), posted under `name` as <input type="date"> did.
 * Controlled (value + onChange) or not (defaultValue).
 */
export function DateField({
  id,
  name,
  value: controlled,
  defaultValue = "",
  onChange,
  min,
  max,
  required,
  className,
  "aria-label": label,
  "aria-describedby": describedBy,
  "aria-invalid": isInvalid,
}: {
  id: string;
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  min?: string;
  max?: string;
  /** Without it a chosen date can be cleared. */
  required?: boolean;
  className?: string;
  /** Where no <label for={id}> names the field (an inline edit). */
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const locale = useLocale();
  const [own, setOwn] = useState(defaultValue);
  const value = controlled ?? own;
  const [Calendar, setCalendar] = useState<ComponentType<CalendarProps> | null>(null);
  const [isOpen, setOpen] = useState(false);
  // What is being typed (null: show the chosen date in words); a whole "YYYY-MM-DD" is taken at once.
  const [draft, setDraft] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);

  function open() {
    setOpen(true);
    if (!Calendar) void loadCalendar().then((component) => setCalendar(() => component));
  }

  function choose(next: string) {
    setOwn(next);
    onChange?.(next);
  }

  function close() {
    setOpen(false);
    inputRef.current?.focus();
  }

  const dialogId = `${id}-calendar`;
  return (
    <div ref={rootRef} className={cn("relative flex gap-2", className)}>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      <input
        ref={inputRef}
        id={id}
        type="text"
        // The APG date picker combobox: a field (type "2026-12-24", or pick) whose popup is the
        // calendar dialog.
        role="combobox"
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls={isOpen ? dialogId : undefined}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={isInvalid}
        aria-required={required}
        placeholder="Choose a date"
        value={draft ?? (value ? formatDate(value, "medium", locale) : "")}
        onChange={(event) => {
          const text = event.target.value.trim();
          setDraft(event.target.value);
          if (isLocalDate(text)) choose(text);
          else if (text === "" && !required) choose("");
        }}
        onBlur={() => setDraft(null)}
        onClick={() => (isOpen ? setOpen(false) : open())}
        onKeyDown={(event) => {
          if (event.key === "Enter" && draft !== null) {
            // Enter after typing submits the form as any field does (a whole date was taken as
            // it was typed).
            setDraft(null);
          } else if (event.key === "ArrowDown" || (event.key === "Enter" && draft === null)) {
            event.preventDefault();
            open();
          }
        }}
        className="control min-w-0 cursor-pointer"
      />
      {value && !required ? (
        <button
          type="button"
          onClick={() => choose("")}
          className="shrink-0 rounded-md px-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
        >
          Clear<span className="sr-only"> date</span>
        </button>
      ) : null}
      {isOpen ? (
        <div
          id={dialogId}
          role="dialog"
          aria-label="Choose a date"
          className="absolute top-full left-0 z-40 mt-1 rounded-lg border border-border bg-surface p-3 text-foreground shadow-lg"
        >
          {Calendar ? (
            <Calendar
              value={value}
              min={min}
              max={max}
              locale={locale}
              onPick={(date) => {
                choose(date);
                close();
              }}
              onCancel={close}
            />
          ) : (
            <p className="px-2 py-4 text-sm text-muted-foreground">Loading the calendar…</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
