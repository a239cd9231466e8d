import { HABIT_TEMPLATES } from "@atlas/api/first-run-templates";
import { getLocale } from "@atlas/next-app/server";
import { Button, cn } from "@atlas/ui";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { loadText } from "@atlas/ui/labels";
import { finishGuide, skipGuide } from "~/components/first-run/actions.ts";
import { CapacityStep, StarterHabitPicker } from "~/components/first-run/lazy.tsx";
import { HabitRow } from "~/components/today/habit-row.tsx";
import { habitNotes } from "~/components/today/row-notes.ts";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";
import type { Today } from "~/lib/views.ts";

type Step = "pick_habits" | "set_capacity" | "check_in";

const STEPS: readonly [Step, string][] = [
  ["pick_habits", "Pick starter habits"],
  ["set_capacity", "Set your capacity"],
  ["check_in", "Check in once"],
];

/** Step 2's comparison: what the new habits need on each of the next 7 days, against capacity. */
async function CapacityNeeds() {
  const [api, active, locale] = await Promise.all([getApi(), getActiveWorkspace(), getLocale()]);
  if (!active) return null;
  const [dashboard, capacity] = await Promise.all([
    api.dashboard.get(),
    api.membership.capacity.get({ workspaceId: active.id }),
  ]);
  const days = dashboard.overload.days;
  const busiest = Math.max(0, ...days.map((d) => d.loadMinutes));
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="needs-title" className="flex flex-col gap-2">
        <h3 id="needs-title" className="font-medium">
          What your habits need
        </h3>
        <p className="text-sm text-muted-foreground">
          Up to {formatMinutes(busiest)} a day over the next week. Give each weekday at least that
          much, or Atlas will warn you of overload.
        </p>
        <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-7">
          {days.map((day) => (
            <li
              key={day.date}
              className={cn(
                "rounded-md border p-2",
                day.loadMinutes > day.capacityMinutes ? "border-warning" : "border-border",
              )}
            >
              <span className="block font-medium">{formatDate(day.date, "short", locale)}</span>
              <span className="text-muted-foreground">
                {loadText(day.loadMinutes, day.capacityMinutes)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <CapacityStep workspaceId={active.id} workspaceName={active.name} initial={capacity} />
    </div>
  );
}

/** Step 3: today's new habits to check in; after one check-in, "You're set". */
async function CheckInStep({ today }: { today: Today }) {
  const locale = await getLocale();
  const isChecked = today.habits.some((h) => h.state === "met" || h.state === "partial");
  return (
    <div className="flex flex-col gap-4">
      {today.habits.length > 0 ? (
        <>
          <p className="text-sm text-muted-foreground">
            Here are your habits for today. Check one in to see how it works: you can undo it.
          </p>
          <ul className="flex flex-col gap-3">
            {today.habits.map((habit) => (
              <HabitRow
                key={habit.id}
                habit={habit}
                notes={habitNotes(habit, undefined, today.localDate, locale)}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">
          None of your new habits is due today: check in on the first day one is.
        </p>
      )}
      {isChecked || today.habits.length === 0 ? (
        <section
          aria-labelledby="set-title"
          className="flex flex-col items-start gap-2 rounded-lg border border-success/40 bg-surface p-4"
        >
          <h3 id="set-title" className="font-semibold">
            You&rsquo;re set
          </h3>
          <p className="text-sm text-muted-foreground">
            Each day, Today shows what is due. Your score, streaks and load grow from your
            check-ins.
          </p>
          <form action={finishGuide}>
            <Button type="submit">Go to my Today</Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The first-run guide in place of an empty Today (docs/domain.md "First run"): three steps with
 * their progress, and a way out at every step. Its client parts (the template cards, the
 * capacity step) load only when it shows.
 */
export function FirstRun({ step, today }: { step: Step; today: Today }) {
  const index = STEPS.findIndex(([s]) => s === step);
  const [, label] = STEPS[index]!;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome to Atlas</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Set up your Today in three short steps.
        </p>
      </div>

      <nav aria-label="Setup steps">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map(([s, name], i) => (
            <li
              key={s}
              aria-current={s === step ? "step" : undefined}
              className={cn(
                "rounded-full border px-3 py-1",
                s === step
                  ? "border-primary font-medium text-foreground"
                  : i < index
                    ? "border-success/40 text-muted-foreground"
                    : "border-border text-muted-foreground",
              )}
            >
              {i < index ? <span aria-hidden>✓ </span> : null}
              {name}
              {i < index ? <span className="sr-only"> (done)</span> : null}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="step-title" className="flex flex-col gap-4">
        <div>
          <p className="text-sm font-medium text-muted-foreground">
            Step {index + 1} of {STEPS.length}
          </p>
          <h2 id="step-title" className="text-lg font-semibold">
            {label}
          </h2>
        </div>
        {step === "pick_habits" ? <StarterHabitPicker templates={HABIT_TEMPLATES} /> : null}
        {step === "set_capacity" ? <CapacityNeeds /> : null}
        {step === "check_in" ? <CheckInStep today={today} /> : null}
      </section>

      <form action={skipGuide}>
        <Button type="submit" variant="ghost" size="sm">
          Skip, I&rsquo;ll set up myself
        </Button>
      </form>
    </div>
  );
}
