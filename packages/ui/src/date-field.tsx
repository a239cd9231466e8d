"use client";

import { useEffect, useRef, useState, type ComponentType } from "react";
import type { LocalDate } from "@atlas/time/calendar";
import { cn } from "./cn.ts";
import type { CalendarProps } from "./date-calendar.tsx";
import { formatDate } from "./dates.ts";
import { useLocale } from "./locale.tsx";

interface Picker {
  Calendar: ComponentType<CalendarProps>;
  parseDate: (text: string, locale: string) => LocalDate | null;
}

/**
 * The calendar and the typed-date parser, loaded together on a field's first focus, so pages carry
 * neither until someone picks or types a date (docs/architecture.md "Date locale").
 */
let picker: Promise<Picker> | undefined;
const loadPicker = () =>
  (picker ??= Promise.all([import("./date-calendar.tsx"), import("@atlas/time/date-input")]).then(
    ([calendar, input]) => ({ Calendar: calendar.Calendar, parseDate: input.parseDateInput }),
  ));

/**
 * The one date control: shows the date as the app writes dates everywhere (the reader's locale,
 * formatDate(value, "medium"): "4 Dec 2026" en-GB, "Dec 4, 2026" en-US), opens a small calendar
 * (keyboard: arrows, Page Up/Down, Home/End, Enter, Escape), and keeps the value "YYYY-MM-DD" (""
 * for none), posted under `name` as <input type="date"> did. A date can be typed as it is shown,
 * in the locale's numeric form ("04/12/2026", "12/4/2026") or as "2026-12-04"
 * (@atlas/time/date-input has the rules); it is taken as soon as the text names a real date.
 * Text that names none is not taken: on leaving the field it stays, marked invalid, with a
 * message under the field as form errors are shown, and its form is not sent until it is mended.
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
  const [picked, setPicked] = useState<Picker | null>(null);
  const [isOpen, setOpen] = useState(false);
  // What is being typed (null: show the chosen date in words); a whole date is taken at once.
  const [draft, setDraft] = useState<string | null>(null);
  // Said on leaving the field when the typed text names no date; the value before typing returns.
  const [typedError, setTypedError] = useState<string | null>(null);
  const typedFrom = useRef<string | null>(null);
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

  function load() {
    if (!picked) void loadPicker().then(setPicked);
  }

  /** Whether leaving the field keeps what is typed: a date, or nothing. */
  const isTaken = (text: string, parseDate: Picker["parseDate"]) =>
    text.trim() === "" || parseDate(text.trim(), locale) !== null;

  // Its form is not sent while the field holds text that names no date: forms check with zod
  // (noValidate), which sees only the date from before typing, so it would be saved unannounced.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form || draft === null || !picked || isTaken(draft, picked.parseDate)) return;
    function refuse(event: SubmitEvent) {
      event.preventDefault();
      event.stopImmediatePropagation();
      inputRef.current?.focus();
    }
    form.addEventListener("submit", refuse);
    return () => form.removeEventListener("submit", refuse);
  });

  function open() {
    setOpen(true);
    load();
  }

  function choose(next: string) {
    setOwn(next);
    onChange?.(next);
  }

  /** A date picked or cleared: whatever was typed is done with. */
  function settle(next: string) {
    choose(next);
    setDraft(null);
    setTypedError(null);
    typedFrom.current = null;
  }

  function type(text: string) {
    typedFrom.current ??= value;
    setDraft(text);
    void loadPicker().then(({ parseDate }) => {
      const date = parseDate(text.trim(), locale);
      if (date) choose(date);
      else if (text.trim() === "" && !required) choose("");
    });
  }

  function leave() {
    if (draft === null) return;
    const text = draft;
    void loadPicker().then(({ parseDate }) => {
      if (isTaken(text, parseDate)) {
        // Taken as typed (or, emptied on a required field, the chosen date shows again).
        setDraft(null);
        setTypedError(null);
        typedFrom.current = null;
      } else {
        // Part of the text may have been taken on the way ("4/12/20"): the date before returns.
        choose(typedFrom.current ?? value);
        // A day after the 12th shows which number is the day and which the month.
        const example = `${new Date().getFullYear()}-12-24`;
        setTypedError(
          `Enter a real date, like ${formatDate(example, "medium", locale)} or ${formatDate(example, "numeric", locale)}.`,
        );
      }
    });
  }

  function close() {
    setOpen(false);
    inputRef.current?.focus();
  }

  const dialogId = `${id}-calendar`;
  const errorId = `${id}-date-error`;
  return (
    <>
      <div ref={rootRef} className={cn("relative flex gap-2", className)}>
        {name ? <input type="hidden" name={name} value={value} /> : null}
        <input
          ref={inputRef}
          id={id}
          type="text"
          // The APG date picker combobox: a field (type a date, or pick) whose popup is the
          // calendar dialog.
          role="combobox"
          aria-haspopup="dialog"
          aria-expanded={isOpen}
          aria-controls={isOpen ? dialogId : undefined}
          aria-label={label}
          aria-describedby={
            [describedBy, typedError ? errorId : null].filter(Boolean).join(" ") || undefined
          }
          aria-invalid={isInvalid || typedError !== null || undefined}
          aria-required={required}
          placeholder="Choose a date"
          value={draft ?? (value ? formatDate(value, "medium", locale) : "")}
          onChange={(event) => type(event.target.value)}
          onFocus={load}
          onBlur={leave}
          onClick={() => (isOpen ? setOpen(false) : open())}
          onKeyDown={(event) => {
            if (event.key === "Enter" && draft !== null) {
              // Enter after typing submits the form as any field does (a whole date was taken as
              // it was typed); text that names no date stays to be mended, with its message.
              if (picked && !isTaken(draft, picked.parseDate)) event.preventDefault();
              leave();
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
            onClick={() => settle("")}
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
            {picked ? (
              <picked.Calendar
                value={value}
                min={min}
                max={max}
                locale={locale}
                onPick={(date) => {
                  settle(date);
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
      {typedError ? (
        <p id={errorId} className="text-sm text-danger">
          {typedError}
        </p>
      ) : null}
    </>
  );
}
