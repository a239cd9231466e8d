import type { LocalDate } from "@atlas/time/calendar";
import { Card, CardContent, CardHeader, CardTitle } from "./card.tsx";
import { cn } from "./cn.ts";
import { atRiskTexts } from "./labels.ts";
import type { AtRiskHabit, HabitHref } from "./view-types.ts";

/** "Streaks at risk": the habits whose streak needs attention today, and why. */
export function AtRiskCard({
  atRisk,
  today,
  habitHref,
  locale,
  className,
}: {
  atRisk: AtRiskHabit[];
  /** The member's local today, for naming the day a repair is waiting on. */
  today: LocalDate;
  habitHref: HabitHref;
  /** The locale dates are written in. */
  locale: string;
  className?: string;
}) {
  return (
    <Card aria-labelledby="at-risk-title" className={cn("sm:min-h-48", className)}>
      <CardHeader>
        <CardTitle id="at-risk-title" className="text-base">
          Streaks at risk
        </CardTitle>
      </CardHeader>
      <CardContent>
        {atRisk.length === 0 ? (
          <p className="text-sm text-muted-foreground">No streak at risk.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {atRisk.map((habit) => (
              <li key={habit.habitId}>
                <a
                  href={habitHref(habit.habitId)}
                  className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                >
                  {habit.name}
                </a>
                {atRiskTexts(habit, today, locale).map((text) => (
                  <p key={text} className="text-muted-foreground">
                    {text}.
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
