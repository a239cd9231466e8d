import { addDays, diffDays, isoWeekStart, type LocalDate } from "@atlas/time/calendar";
import type { ReactNode } from "react";
import { DataTable } from "./chart-frame.tsx";
import { formatDate } from "./dates.ts";
import { ScrollRegion } from "./scroll-region.tsx";
import type { HabitHistoryDay, HistoryState } from "./view-types.ts";

type CellState = HistoryState | "not_due";

const CELL = 12;
const STEP = 14;
const LEFT = 30;
const TOP = 18;
const WEEKS = 53;
const WIDTH = LEFT + WEEKS * STEP;
const HEIGHT = TOP + 7 * STEP;

export const STATE_LABEL: Record<CellState, string> = {
  met: "Met",
  partial: "Partial",
  skipped: "Skipped",
  missed: "Missed",
  repaired: "Repaired",
  pending: "Pending",
  pending_repair: "Pending repair",
  not_due: "Not due",
};

const WEEKDAY_LABELS = [
  [0, "Mon"],
  [2, "Wed"],
  [4, "Fri"],
] as const;

const LEGEND_ORDER: readonly CellState[] = [
  "met",
  "partial",
  "repaired",
  "skipped",
  "missed",
  "pending_repair",
  "pending",
  "not_due",
];

/** One cell: each state its own shape as well as colour (partial is half filled, skipped hatched). */
function Cell({
  state,
  x,
  y,
  children,
}: {
  state: CellState;
  x: number;
  y: number;
  children?: ReactNode;
}) {
  const box = { x: x + 0.5, y: y + 0.5, width: CELL - 1, height: CELL - 1, rx: 2 };
  switch (state) {
    case "met":
      return (
        <rect {...box} className="fill-success stroke-success">
          {children}
        </rect>
      );
    case "partial":
      return (
        <g>
          {children}
          <rect {...box} className="fill-success/20 stroke-success" />
          <rect
            x={box.x}
            y={y + CELL / 2}
            width={box.width}
            height={CELL / 2 - 0.5}
            className="fill-success"
          />
        </g>
      );
    case "repaired":
      return (
        <g>
          {children}
          <rect {...box} className="fill-warning stroke-warning-foreground" />
          <circle cx={x + CELL / 2} cy={y + CELL / 2} r={2} className="fill-warning-foreground" />
        </g>
      );
    case "skipped":
      return (
        <rect {...box} fill="url(#heatmap-hatch)" className="stroke-muted-foreground/60">
          {children}
        </rect>
      );
    case "missed":
      return (
        <g>
          {children}
          <rect {...box} className="fill-danger/20 stroke-danger" />
          <path
            d={`M${x + 3.5} ${y + 3.5}L${x + CELL - 3.5} ${y + CELL - 3.5}M${x + CELL - 3.5} ${y + 3.5}L${x + 3.5} ${y + CELL - 3.5}`}
            className="stroke-danger"
            strokeWidth={1.5}
          />
        </g>
      );
    case "pending_repair":
      return (
        <rect
          {...box}
          strokeDasharray="2 1.5"
          className="fill-warning/30 stroke-warning-foreground"
        >
          {children}
        </rect>
      );
    case "pending":
      return (
        <rect {...box} strokeDasharray="2 1.5" className="fill-surface stroke-primary">
          {children}
        </rect>
      );
    case "not_due":
      return (
        <rect {...box} className="fill-muted stroke-border">
          {children}
        </rect>
      );
  }
}

function Hatch() {
  return (
    <defs>
      <pattern
        id="heatmap-hatch"
        width={4}
        height={4}
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width={4} height={4} className="fill-muted" />
        <line x1={0} y1={0} x2={0} y2={4} className="stroke-muted-foreground" strokeWidth={1.5} />
      </pattern>
    </defs>
  );
}

/** A day's cell: the API's state (today: what was logged so far, else pending). */
function stateOf(day: HabitHistoryDay): CellState {
  return day.state ?? "not_due";
}

function describeDay(day: HabitHistoryDay, unit: string | null, locale: string): string {
  const value = day.value !== null && unit ? ` (${day.value} ${unit})` : "";
  return `${formatDate(day.date, "shortYear", locale)}: ${STATE_LABEL[stateOf(day)]}${value}`;
}

/**
 * A year of a habit's log: 53 ISO weeks (columns, Monday first) × 7 days. Every state has its own
 * style and a legend entry; every cell a <title> with its date and state. The figure's name sums
 * the year up and names the last day's state; a hidden table lists the last four weeks.
 */
export function Heatmap({
  name,
  days,
  from,
  to,
  unit,
  locale,
}: {
  name: string;
  days: readonly HabitHistoryDay[];
  from: LocalDate;
  to: LocalDate;
  unit: string | null;
  /** The locale dates are written in. */
  locale: string;
}) {
  const byDate = new Map<string, HabitHistoryDay>(days.map((d) => [d.date, d]));
  const counts = new Map<CellState, number>();
  for (const day of days) counts.set(stateOf(day), (counts.get(stateOf(day)) ?? 0) + 1);
  const last = byDate.get(to);
  const label = `Heatmap of ${name}, ${formatDate(from, "medium", locale)} to ${formatDate(to, "medium", locale)}: ${
    LEGEND_ORDER.filter((s) => s !== "not_due" && (counts.get(s) ?? 0) > 0)
      .map((s) => `${counts.get(s)} ${STATE_LABEL[s].toLowerCase()}`)
      .join(", ") || "nothing logged yet"
  }. ${last ? `Today, ${formatDate(to, "medium", locale)}: ${STATE_LABEL[stateOf(last)].toLowerCase()}.` : ""}`;

  const cells: ReactNode[] = [];
  const months: ReactNode[] = [];
  // Rows are weekdays: the grid starts on the Monday of `from`'s week (a plan's chart history
  // may start mid-week; the days before it are left blank).
  const start = isoWeekStart(from);
  const total = diffDays(to, start);
  for (let offset = 0; offset <= total; offset++) {
    const date = addDays(start, offset);
    const week = Math.floor(offset / 7);
    const weekday = offset % 7;
    const day = byDate.get(date);
    if (weekday === 0 && Number(date.slice(8)) <= 7) {
      months.push(
        <text
          key={date}
          x={LEFT + week * STEP}
          y={11}
          fontSize={10}
          className="fill-muted-foreground"
        >
          {formatDate(date, "month", locale)}
        </text>,
      );
    }
    if (!day) continue;
    cells.push(
      <Cell key={date} state={stateOf(day)} x={LEFT + week * STEP} y={TOP + weekday * STEP}>
        <title>{describeDay(day, unit, locale)}</title>
      </Cell>,
    );
  }

  const recent = days.slice(-28).filter((d) => d.due || d.state !== null);

  return (
    <figure className="m-0 flex flex-col gap-3">
      {/* Right-to-left scrolling starts a narrow screen at the latest weeks; wider, it fills. */}
      <ScrollRegion dir="rtl" label={`Heatmap of ${name}, scrollable`} className="pb-1">
        <div dir="ltr" style={{ minWidth: WIDTH }}>
          <svg
            role="img"
            aria-label={label}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            className="block h-auto w-full"
          >
            <Hatch />
            {months}
            {WEEKDAY_LABELS.map(([row, text]) => (
              <text
                key={text}
                x={0}
                y={TOP + row * STEP + 10}
                fontSize={10}
                className="fill-muted-foreground"
              >
                {text}
              </text>
            ))}
            {cells}
          </svg>
        </div>
      </ScrollRegion>
      <figcaption>
        <ul
          className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
          aria-label="Legend"
        >
          {LEGEND_ORDER.map((state) => (
            <li key={state} className="flex items-center gap-1.5">
              <svg aria-hidden width={CELL} height={CELL} viewBox={`0 0 ${CELL} ${CELL}`}>
                <Cell state={state} x={0} y={0} />
              </svg>
              {STATE_LABEL[state]}
            </li>
          ))}
        </ul>
      </figcaption>
      <div className="sr-only">
        <DataTable
          caption={`${name}, the last four weeks`}
          columns={["Date", "State", "Value"]}
          rows={recent.map((d) => [
            formatDate(d.date, "long", locale),
            STATE_LABEL[stateOf(d)],
            d.value ?? "—",
          ])}
        />
      </div>
    </figure>
  );
}
