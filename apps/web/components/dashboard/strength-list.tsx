import Link from "next/link";
import { streakText } from "~/lib/labels.ts";
import type { Dashboard } from "~/lib/views.ts";

/** Habits ranked by strength: one bar each (HTML, so names wrap on a phone), strongest first. */
export function StrengthList({ habits }: { habits: Dashboard["habits"] }) {
  if (habits.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No active habit yet.{" "}
        <Link href="/habits#new-habit" className="font-medium text-primary hover:underline">
          Create a habit
        </Link>
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-3">
      {habits.map((habit) => {
        const percent = Math.round(habit.strength * 100);
        return (
          <li key={habit.id} className="flex flex-col gap-1">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="min-w-0 truncate">
                <Link
                  href={`/habits/${habit.id}`}
                  className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                >
                  {habit.name}
                </Link>
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
