/**
 * An AI suggestion's preview as both apps show it (docs/domain.md "AI suggestions" → "Review,
 * then change"): each item says exactly what it would create or move and why it landed there;
 * then what stays as it is, what did not fit and why, and the week's days against capacity. The
 * member's decide controls (web) and the coach's item toggles (admin) come in through
 * `controls`. Shapes are structural (view-types.ts): the API's outputs fit them.
 */
import type { ReactNode } from "react";
import { formatDate, formatMinutes } from "./dates.ts";
import type {
  SuggestionAction,
  SuggestionPreview,
  SuggestionPreviewItem,
  SuggestionStatus,
  SuggestionType,
} from "./view-types.ts";

export const SUGGESTION_TYPE_LABEL: Record<SuggestionType, string> = {
  decompose_goal: "Goal plan",
  weekly_plan: "Weekly plan",
  recovery: "Recovery",
  deferral: "New days for overdue tasks",
};

export const SUGGESTION_STATUS_LABEL: Record<SuggestionStatus, string> = {
  proposed: "To review",
  pending_coach: "With your coach",
  accepted: "Accepted",
  edited: "Accepted with changes",
  rejected: "Rejected",
  expired: "Replaced",
};

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const PRIORITY = { low: "low priority", medium: "medium priority", high: "high priority" };

function scheduleText(schedule: Extract<SuggestionAction, { kind: "add_habit" }>["schedule"]) {
  if (schedule.kind === "daily") return "every day";
  if (schedule.kind === "times_per_week") return `${schedule.timesPerWeek ?? 1}× a week`;
  return (schedule.daysOfWeek ?? []).map((d) => WEEKDAYS[d - 1]).join(", ");
}

/** What accepting the item does, in one line. */
export function suggestionActionText(action: SuggestionAction, locale: string): string {
  switch (action.kind) {
    case "add_milestone":
      return `New milestone: ${action.title}${action.targetDate ? ` (by ${formatDate(action.targetDate, "dayMonth", locale)})` : ""}`;
    case "add_task":
      return `New task: ${action.title} · ${formatMinutes(action.estimateMinutes)} · ${PRIORITY[action.priority]}`;
    case "add_habit":
      return `New habit: ${action.title} · ${scheduleText(action.schedule)}${action.durationMinutes > 0 ? ` · ${formatMinutes(action.durationMinutes)}` : ""}`;
    case "move_task":
      return `Move ${action.title} ${action.from ? `from ${formatDate(action.from, "short", locale)} ` : ""}to ${formatDate(action.to, "short", locale)} (${formatMinutes(action.minutes)})`;
    case "smaller_step": {
      const target =
        action.targetTo !== null && action.targetFrom !== null
          ? `, target ${action.targetFrom} → ${action.targetTo}${action.unit ? ` ${action.unit}` : ""}`
          : "";
      return `Smaller step for ${action.title}: ${formatMinutes(action.durationFrom)} → ${formatMinutes(action.durationTo)}${target} until ${formatDate(action.untilDate, "short", locale)}`;
    }
  }
}

function ItemLine({
  item,
  controls,
  locale,
}: {
  item: SuggestionPreviewItem;
  controls?: ReactNode;
  locale: string;
}) {
  const repair =
    item.action.kind === "smaller_step" && item.action.repairDates.length > 0
      ? `Meet it on ${item.action.repairDates.map((d) => formatDate(d, "short", locale)).join(" and ")} to repair the miss.`
      : null;
  return (
    <li className="flex flex-col gap-1 py-2">
      <p className="text-sm font-medium">{suggestionActionText(item.action, locale)}</p>
      {item.reason ? <p className="text-sm text-muted-foreground">Why: {item.reason}</p> : null}
      {repair ? <p className="text-sm text-muted-foreground">{repair}</p> : null}
      {controls}
    </li>
  );
}

export function SuggestionPreviewBody({
  preview,
  controls,
  headingLevel = 3,
  locale,
}: {
  preview: SuggestionPreview;
  /** The locale dates are written in. */
  locale: string;
  /** Per item, what the viewer may do with it (decide, remove); none: a read-only preview. */
  controls?: (item: SuggestionPreviewItem) => ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const H = `h${headingLevel}` as "h3";
  const heading = "text-sm font-semibold";
  return (
    <div className="flex flex-col gap-4">
      {preview.rationale ? <p className="text-sm">{preview.rationale}</p> : null}
      <section className="flex flex-col gap-1">
        <H className={heading}>What would change</H>
        {preview.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing: the plan stays as it is.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {preview.items.map((item) => (
              <ItemLine key={item.key} item={item} controls={controls?.(item)} locale={locale} />
            ))}
          </ul>
        )}
      </section>
      {preview.unchanged.length > 0 ? (
        <section className="flex flex-col gap-1">
          <H className={heading}>Stays as it is</H>
          <ul className="flex flex-col gap-1 text-sm text-muted-foreground">
            {preview.unchanged.map((u) => (
              <li key={`${u.kind}:${u.id}:${u.localDate}`}>
                {u.title} on {formatDate(u.localDate, "short", locale)} ({formatMinutes(u.minutes)}
                ): {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.didNotFit.length > 0 ? (
        <section className="flex flex-col gap-1">
          <H className={heading}>Did not fit</H>
          <ul className="flex flex-col gap-1 text-sm">
            {preview.didNotFit.map((d) => (
              <li key={`${d.kind}:${d.id}`}>
                <span className="font-medium">{d.title}</span> ({formatMinutes(d.minutes)}):{" "}
                {d.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.days !== null && preview.days.length > 0 ? (
        <section className="flex flex-col gap-1">
          <H className={heading}>Days</H>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-muted-foreground">
                <th scope="col" className="font-medium">
                  Day
                </th>
                <th scope="col" className="font-medium">
                  Planned
                </th>
                <th scope="col" className="font-medium">
                  Already committed
                </th>
                <th scope="col" className="font-medium">
                  Capacity
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.days.map((d) => (
                <tr key={d.localDate}>
                  <th scope="row" className="font-normal">
                    {formatDate(d.localDate, "short", locale)}
                  </th>
                  <td>{formatMinutes(d.plannedMinutes)}</td>
                  <td>{formatMinutes(d.committedMinutes)}</td>
                  <td>{d.capacityMinutes === 0 ? "Day off" : formatMinutes(d.capacityMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
