"use client";

import type { HabitTemplate } from "@atlas/api/first-run-templates";
import { Button, Field, Input, cn, fieldControlProps } from "@atlas/ui";
import { formatMinutes } from "@atlas/ui/dates";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { errorText } from "~/components/today/use-log-write.ts";
import { useAction } from "~/lib/api.ts";
import { describeSchedule, describeTarget } from "~/lib/habits.ts";

/** What the member may change on a picked template, as typed. */
type Adjusted = { title: string; minutes: string; target: string };

const adjustable = (t: HabitTemplate): Adjusted => ({
  title: t.title,
  minutes: String(t.durationMinutes),
  target: t.target ? String(t.target.value) : "",
});

/**
 * Step 1 of the first run (docs/domain.md "First run"): the starter templates as checkbox cards;
 * a picked card opens its title, minutes and target to change; one request creates them all,
 * on one idempotency key (a retry after a network failure creates nothing twice).
 */
export function StarterHabitPicker({ templates }: { templates: readonly HabitTemplate[] }) {
  const router = useRouter();
  const id = useId();
  const idempotency = useIdempotencyKey();
  const [picked, setPicked] = useState<Record<string, Adjusted>>({});
  const [error, setError] = useState<string | null>(null);
  const pick = useAction((api) => api.firstRun.pickHabits.mutate);

  const chosen = templates.filter((t) => picked[t.id] !== undefined);
  const minutes = chosen.reduce((sum, t) => sum + (Number(picked[t.id]!.minutes) || 0), 0);

  function toggle(template: HabitTemplate, on: boolean) {
    setPicked((current) => {
      const next = { ...current };
      if (on) next[template.id] = adjustable(template);
      else delete next[template.id];
      return next;
    });
  }

  function change(templateId: string, field: keyof Adjusted, value: string) {
    setPicked((current) => ({
      ...current,
      [templateId]: { ...current[templateId]!, [field]: value },
    }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pick.isPending) return;
    if (chosen.length === 0) {
      setError("Pick at least one habit.");
      return;
    }
    setError(null);
    // Empty or non-numeric boxes go as they are (NaN): the API's message names the field.
    const habits = chosen.map((t) => {
      const { title, minutes, target } = picked[t.id]!;
      return {
        title,
        schedule: t.schedule,
        target: t.target
          ? { ...t.target, value: target.trim() === "" ? Number.NaN : Number(target) }
          : null,
        durationMinutes: minutes.trim() === "" ? Number.NaN : Number(minutes),
      };
    });
    try {
      await pick.send({ idempotencyKey: idempotency.keyFor(habits), habits });
      router.refresh();
    } catch (caught) {
      setError(`Could not create your habits: ${errorText(caught)}`);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-3 text-sm text-muted-foreground">
          Pick a few habits to start with. You can change them now or later.
        </legend>
        <ul className="grid gap-3 sm:grid-cols-2">
          {templates.map((template) => {
            const values = picked[template.id];
            const base = `${id}-${template.id}`;
            return (
              <li
                key={template.id}
                className={cn(
                  "flex flex-col gap-3 rounded-lg border bg-surface p-4",
                  values ? "border-primary" : "border-border",
                )}
              >
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    name="template"
                    value={template.id}
                    checked={values !== undefined}
                    onChange={(event) => toggle(template, event.target.checked)}
                    className="mt-1 size-4 shrink-0 accent-primary"
                  />
                  <span className="flex flex-col gap-0.5">
                    <span className="font-medium">{template.title}</span>
                    <span className="text-sm text-muted-foreground">{template.description}</span>
                    <span className="text-xs text-muted-foreground">
                      {[
                        describeSchedule(template.schedule),
                        template.durationMinutes > 0
                          ? formatMinutes(template.durationMinutes)
                          : null,
                        template.target ? describeTarget(template.target) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </span>
                </label>
                {values ? (
                  <div className="grid grid-cols-2 gap-3 sm:pl-7">
                    <Field
                      id={`${base}-title`}
                      label={
                        <>
                          Title<span className="sr-only"> of {template.title}</span>
                        </>
                      }
                      className="col-span-2"
                    >
                      <Input
                        {...fieldControlProps(`${base}-title`, {})}
                        value={values.title}
                        onChange={(event) => change(template.id, "title", event.target.value)}
                      />
                    </Field>
                    <Field
                      id={`${base}-minutes`}
                      label={
                        <>
                          Minutes<span className="sr-only"> for {template.title}</span>
                        </>
                      }
                    >
                      <Input
                        {...fieldControlProps(`${base}-minutes`, {})}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={1440}
                        value={values.minutes}
                        onChange={(event) => change(template.id, "minutes", event.target.value)}
                      />
                    </Field>
                    {template.target ? (
                      <Field
                        id={`${base}-target`}
                        label={
                          <>
                            Target ({template.target.unit})
                            <span className="sr-only"> for {template.title}</span>
                          </>
                        }
                      >
                        <Input
                          {...fieldControlProps(`${base}-target`, {})}
                          type="number"
                          inputMode="decimal"
                          min={0}
                          value={values.target}
                          onChange={(event) => change(template.id, "target", event.target.value)}
                        />
                      </Field>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" aria-disabled={pick.isPending}>
          {pick.isPending
            ? "Creating…"
            : chosen.length === 1
              ? "Create 1 habit"
              : `Create ${chosen.length} habits`}
        </Button>
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {chosen.length === 0
            ? "Nothing picked yet."
            : `${chosen.length} picked · ${formatMinutes(minutes)} on a day they are all due`}
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
