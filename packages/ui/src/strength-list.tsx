import type { ReactNode } from "react";
import { streakText } from "./labels.ts";
import type { HabitHref, StrengthHabit } from "./view-types.ts";

/** Habits ranked by strength: one bar each (HTML, so names wrap on a phone), strongest first. */
export function StrengthList({
  habits,
  habitHref,
  emptyAction,
}: {
  habits: StrengthHabit[];
  habitHref: HabitHref;
  /** What the empty list offers (the web app: a link to create a habit). */
  emptyAction?: ReactNode;
}) {
  if (habits.length === 0) {
    return <p className="text-sm text-muted-foreground">No active habit yet. {emptyAction}</p>;
  }
  return (
    <ol className="flex flex-col gap-3">
      {habits.map((habit) => {
        const percent = Math.round(habit.strength * 100);
        return (
          <li key={habit.id} className="flex flex-col gap-1">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="min-w-0 truncate">
                <a
                  href={habitHref(habit.id)}
                  className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                >
                  {habit.name}
                </a>
                <span className="text-xs text-muted-foreground">
                  {" "}
                  · {streakText(habit.currentStreak, habit.schedule)}
                </span>
              </span>
              <span className="shrink-0 font-medium tabular-nums">{percent}%</span>
            </div>
            <div
              role="meter"
              aria-label={`Strength of ${habit.name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}%`}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
