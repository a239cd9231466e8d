"use client";

import { parseQuickAdd, type QuickAdd, type QuickAddFields } from "@atlas/time/quick-add";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { PRIORITY_LABEL } from "@atlas/ui/labels";
import { useLocale } from "@atlas/ui/locale";
import { Modal } from "@atlas/ui/modal";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import { api, useAction, useApiQuery } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

type Kind = "task" | "habit" | "goal";

/** What quick add reads for each kind (docs/domain.md "Quick add"). */
const FIELDS: Record<Kind, QuickAddFields> = {
  task: { date: true, estimate: true, priority: true },
  habit: { date: true, estimate: true },
  goal: { date: true },
};
const DATE_WORD: Record<Kind, string> = { task: "Due", habit: "Starts", goal: "Target" };

type Option =
  | { id: string; type: "add"; kind: Kind; label: string }
  | { id: string; type: "go"; group: string; href: Route; label: string };

/** How many matches of each group the list shows. */
const GROUP_LIMIT = 6;
/** Items fetched per kind when the palette opens (the first page of each list). */
const ITEMS_LIMIT = 100;
/** The palette is mounted while open: its reads run once per opening. */

/** The chips of what Enter will send: the title and each field quick add read. */
function chipsOf(kind: Kind, read: QuickAdd, locale: string): string[] {
  return [
    read.date ? `${DATE_WORD[kind]} ${formatDate(read.date, "short", locale)}` : null,
    read.estimateMinutes !== null ? formatMinutes(read.estimateMinutes) : null,
    read.priority ? `${PRIORITY_LABEL[read.priority]} priority` : null,
  ].filter((chip) => chip !== null);
}

/**
 * The command palette: one field to add a task, a habit or a goal (quick add: "Call Ana tomorrow
 * 30m !high") or jump to a page or one of the member's items. A combobox over a listbox: arrows
 * move, Enter chooses, Escape closes. Dates are read against the member's local today (the API's).
 */
export function CommandPalette({
  pages,
  typed,
  onClose,
}: {
  pages: readonly (readonly [Route, string])[];
  /** What was typed while this code loaded: the field's first text. */
  typed: RefObject<string>;
  onClose: () => void;
}) {
  const id = useId();
  const locale = useLocale();
  const router = useRouter();
  const [text, setText] = useState(() => typed.current);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();

  const settings = useApiQuery((api) => api.me.settings.get.query());
  const habits = useApiQuery((api) => api.habit.list.query({ limit: ITEMS_LIMIT }));
  const goals = useApiQuery((api) => api.goal.list.query({ limit: ITEMS_LIMIT }));
  const tasks = useApiQuery((api) =>
    api.task.list.query({ status: ["todo", "in_progress"], limit: ITEMS_LIMIT }),
  );
  const createTask = useAction((api) => api.task.create.mutate);
  const createHabit = useAction((api) => api.habit.create.mutate);
  const createGoal = useAction((api) => api.goal.create.mutate);

  const today = settings?.today;
  const titleOf = (kind: Kind) =>
    today ? parseQuickAdd(text, today, FIELDS[kind]).title : text.trim();
  const query = text.trim().toLowerCase();
  const matches = (label: string) => query === "" || label.toLowerCase().includes(query);
  const groups: [string, { href: Route; label: string }[]][] = [
    ["Page", pages.map(([href, label]) => ({ href, label }))],
    [
      "Habit",
      (habits?.items ?? []).map((h) => ({ href: `/habits/${h.id}` as Route, label: h.title })),
    ],
    [
      "Goal",
      (goals?.items ?? []).map((g) => ({ href: `/goals/${g.id}` as Route, label: g.title })),
    ],
    [
      "Task",
      (tasks?.items ?? []).map((t) => ({ href: `/tasks/${t.id}` as Route, label: t.title })),
    ],
  ];
  // What the text matches first (a title containing all of it), then adding it as something new.
  const options: Option[] = [
    ...groups.flatMap(([group, items]) =>
      items
        .filter((item) => matches(item.label))
        .slice(0, query === "" && group !== "Page" ? 3 : GROUP_LIMIT)
        .map((item, index) => ({
          id: `${id}-${group}-${index}`,
          type: "go" as const,
          group,
          ...item,
        })),
    ),
    ...(query === ""
      ? []
      : (["task", "habit", "goal"] as const).map((kind) => ({
          id: `${id}-add-${kind}`,
          type: "add" as const,
          kind,
          label: `Add ${kind} “${titleOf(kind)}”`,
        }))),
  ];
  const current = options[Math.min(active, options.length - 1)];
  const preview =
    current?.type === "add" && today ? parseQuickAdd(text, today, FIELDS[current.kind]) : null;

  /** Today as the API has it: read again if the read on opening failed or is still under way. */
  async function readToday() {
    if (settings) return settings.today;
    try {
      return (await (await api()).me.settings.get.query()).today;
    } catch {
      return undefined;
    }
  }

  async function add(kind: Kind, close: () => void) {
    const day = await readToday();
    if (!day) {
      setError("Could not read your today. Please try again.");
      return;
    }
    const read = parseQuickAdd(text, day, FIELDS[kind]);
    if (read.title === "") {
      setError(`Type a title for the ${kind} first.`);
      return;
    }
    const signature = { kind, read };
    setBusy(true);
    setError(null);
    try {
      const key = idempotency.keyFor(signature);
      const created =
        kind === "task"
          ? await createTask.send({
              idempotencyKey: key,
              title: read.title,
              dueDate: read.date,
              ...(read.estimateMinutes !== null && { estimateMinutes: read.estimateMinutes }),
              ...(read.priority && { priority: read.priority }),
            })
          : kind === "habit"
            ? await createHabit.send({
                idempotencyKey: key,
                title: read.title,
                schedule: { type: "daily" },
                startDate: read.date,
                ...(read.estimateMinutes !== null && { durationMinutes: read.estimateMinutes }),
              })
            : await createGoal.send({
                idempotencyKey: key,
                title: read.title,
                targetDate: read.date,
              });
      idempotency.reset(signature);
      close();
      router.push(`/${kind}s/${created.id}` as Route);
    } catch (caught) {
      const status = (caught as { data?: { httpStatus?: number } }).data?.httpStatus;
      if (status !== undefined && status < 500) idempotency.reset(signature);
      const { fields, form } = describeError(caught as Parameters<typeof describeError>[0]);
      setError(form ?? Object.values(fields)[0]?.[0] ?? `Could not add the ${kind}.`);
    } finally {
      setBusy(false);
    }
  }

  function choose(option: Option | undefined, close: () => void) {
    if (!option || busy) return;
    if (option.type === "add") {
      void add(option.kind, close);
      return;
    }
    close();
    router.push(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, close: () => void) {
    const last = options.length - 1;
    const move: Record<string, number> = {
      ArrowDown: active >= last ? 0 : active + 1,
      ArrowUp: active <= 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = move[event.key];
    if (next !== undefined && options.length > 0) {
      event.preventDefault();
      setActive(next);
      document.getElementById(options[next]?.id ?? "")?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(current, close);
    }
  }

  const listId = `${id}-list`;
  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose}>
      {(close) => (
        <div className="flex flex-col">
          <h2 id={`${id}-title`} className="sr-only">
            Search or add
          </h2>
          <input
            data-autofocus
            role="combobox"
            aria-label="Search or add"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={current?.id}
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
              setError(null);
            }}
            onKeyDown={(event) => onKeyDown(event, close)}
            placeholder="Add “Call Ana tomorrow 30m !high”, or jump to…"
            className="h-12 w-full border-b border-border bg-transparent px-4 text-base outline-none placeholder:text-muted-foreground"
          />
          {preview ? (
            <div
              aria-live="polite"
              className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2 text-sm"
            >
              <span className="font-medium">{preview.title || "Type a title"}</span>
              {chipsOf(current?.type === "add" ? current.kind : "task", preview, locale).map(
                (chip) => (
                  <span
                    key={chip}
                    className="rounded-full border border-border bg-muted px-2 py-0.5 text-xs"
                  >
                    {chip}
                  </span>
                ),
              )}
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="border-b border-border px-4 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
          <ul
            id={listId}
            role="listbox"
            aria-label="Results"
            className="max-h-80 overflow-y-auto p-2"
          >
            {options.map((option, index) => {
              return (
                <li
                  key={option.id}
                  id={option.id}
                  role="option"
                  aria-selected={option === current}
                  onMouseMove={() => setActive(index)}
                  onClick={() => choose(option, close)}
                  className={`flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${
                    option === current ? "bg-secondary text-secondary-foreground" : ""
                  }`}
                >
                  <span className="truncate">
                    {option.label}
                    {busy && option === current ? " …" : null}
                  </span>
                  {option.type === "go" ? (
                    <span className="shrink-0 text-xs text-muted-foreground">{option.group}</span>
                  ) : null}
                </li>
              );
            })}
            {options.length === 0 ? (
              <li role="presentation" className="px-3 py-2 text-sm text-muted-foreground">
                Nothing matches.
              </li>
            ) : null}
          </ul>
          <p
            id={`${id}-hint`}
            className="border-t border-border px-4 py-2 text-xs text-muted-foreground"
          >
            ↑ ↓ to move · Enter to choose · Esc to close. Quick add reads dates (“tomorrow”, “fri”,
            “next week”, “in 3 days”, “5 Dec”), “30m”/“1h30m” and “!high”/“!low”.
          </p>
        </div>
      )}
    </Modal>
  );
}
