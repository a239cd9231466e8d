"use client";

import { Field, Input, fieldControlProps } from "@atlas/ui";
import { useId, useState } from "react";
import { SettingsCard } from "~/components/settings-card.tsx";
import { useAction } from "~/lib/api.ts";
import { firstError } from "~/lib/errors.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";

const DAYS = [
  ["monMinutes", "Monday"],
  ["tueMinutes", "Tuesday"],
  ["wedMinutes", "Wednesday"],
  ["thuMinutes", "Thursday"],
  ["friMinutes", "Friday"],
  ["satMinutes", "Saturday"],
  ["sunMinutes", "Sunday"],
] as const;

type DayKey = (typeof DAYS)[number][0];
export type WeekCapacity = Record<DayKey, number>;

function asText(week: WeekCapacity): Record<DayKey, string> {
  return Object.fromEntries(DAYS.map(([key]) => [key, String(week[key])])) as Record<
    DayKey,
    string
  >;
}

/** Minutes per weekday in the current workspace; the overload warnings measure against them. */
export function CapacityForm({
  workspaceId,
  workspaceName,
  initial,
  onSaved,
}: {
  workspaceId: string;
  workspaceName: string;
  initial: WeekCapacity;
  /** Told once the week is saved (the first-run guide moves on). */
  onSaved?: (week: WeekCapacity) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(() => asText(initial));
  const [saved, setSaved] = useState(false);

  const update = useAction((api) => api.membership.capacity.update.mutate, {
    onSuccess: (data) => {
      setSaved(true);
      setValues(asText(data));
      onSaved?.(data);
    },
  });
  const check = useSchemaCheck("membership.capacity.update");
  const { fields, form } = check.shown(update.error);

  async function submit() {
    setSaved(false);
    // An empty or non-numeric box is checked as is (NaN): the schema's message names the day.
    const week = Object.fromEntries(
      DAYS.map(([key]) => [key, values[key].trim() === "" ? Number.NaN : Number(values[key])]),
    ) as WeekCapacity;
    if (await check.passes(week)) update.fire({ workspaceId, ...week });
  }

  return (
    <SettingsCard
      id={id}
      title={`Capacity in ${workspaceName}`}
      description="Minutes you can give to this workspace on each weekday (0 to 1,440)."
      submitLabel="Save capacity"
      isPending={update.isPending}
      error={form}
      saved={saved ? "Saved." : null}
      onSubmit={() => void submit()}
      onFocus={check.preload}
    >
      <fieldset>
        <legend className="mb-3 text-sm font-medium">Minutes per weekday</legend>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-7">
          {DAYS.map(([key, day]) => {
            const error = firstError(fields, key);
            const fieldId = `${id}-${key}`;
            return (
              <Field key={key} id={fieldId} label={day} error={error}>
                <Input
                  {...fieldControlProps(fieldId, { error })}
                  name={key}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1440}
                  step={15}
                  value={values[key]}
                  onChange={(event) =>
                    setValues((current) => ({ ...current, [key]: event.target.value }))
                  }
                />
              </Field>
            );
          })}
        </div>
      </fieldset>
    </SettingsCard>
  );
}
