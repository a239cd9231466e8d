"use client";

import { Field, NativeSelect, fieldControlProps } from "@atlas/ui";
import { useId, useState } from "react";
import { SettingsCard } from "~/components/settings-card.tsx";
import { TimeZonePicker } from "~/components/time-zone-picker.tsx";
import { useAction } from "~/lib/api.ts";
import { firstError } from "~/lib/errors.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";

export interface TimeSettings {
  timeZone: string;
  dayStartMinutes: number;
  effectiveFrom: string | null;
  today: string;
}

function clockLabel(minutes: number) {
  const h = String(Math.floor(minutes / 60)).padStart(2, "0");
  const m = String(minutes % 60).padStart(2, "0");
  return `${h}:${m}`;
}

/** 00:00 … 12:00 in 30-minute steps (docs/domain.md "Time and local days": day start is 0–720 minutes). */
const DAY_STARTS = Array.from({ length: 25 }, (_, i) => i * 30);

export function TimeSettingsForm({
  initial,
  timeZoneLabel,
}: {
  initial: TimeSettings;
  /** How the member's zone is shown: "UTC+05:30 · Asia/Kolkata (Kolkata)". */
  timeZoneLabel: string;
}) {
  const id = useId();
  const [timeZone, setTimeZone] = useState({ zone: initial.timeZone, label: timeZoneLabel });
  const [dayStart, setDayStart] = useState(String(initial.dayStartMinutes));
  const [saved, setSaved] = useState<TimeSettings | null>(null);

  const update = useAction((api) => api.me.settings.update.mutate, {
    onSuccess: (data) => setSaved(data),
  });
  const check = useSchemaCheck("me.settings.update");
  const { fields, form } = check.shown(update.error);

  const startValues = DAY_STARTS.includes(Number(dayStart))
    ? DAY_STARTS
    : [...DAY_STARTS, Number(dayStart)].sort((a, b) => a - b);

  async function submit() {
    setSaved(null);
    const input = { timeZone: timeZone.zone, dayStartMinutes: Number(dayStart) };
    if (await check.passes(input)) update.fire(input);
  }

  const zoneError = firstError(fields, "timeZone");
  const startError = firstError(fields, "dayStartMinutes");
  const startHint = "When your day begins: a check-in before it counts for the day before.";

  return (
    <SettingsCard
      id={id}
      title="Your time"
      description={
        <>
          Your local day decides what is due today. A change applies from today ({initial.today})
          on; past days keep the settings they had.
        </>
      }
      submitLabel="Save time settings"
      isPending={update.isPending}
      error={form}
      saved={
        saved
          ? `Saved${saved.effectiveFrom ? `, in force from ${saved.effectiveFrom}` : ""}.`
          : null
      }
      onSubmit={() => void submit()}
      onFocus={check.preload}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-zone`} label="Time zone" error={zoneError}>
          <TimeZonePicker
            {...fieldControlProps(`${id}-zone`, { error: zoneError })}
            name="timeZone"
            value={timeZone.zone}
            label={timeZone.label}
            onChange={setTimeZone}
          />
        </Field>
        <Field id={`${id}-start`} label="Day starts at" hint={startHint} error={startError}>
          <NativeSelect
            {...fieldControlProps(`${id}-start`, { error: startError, hint: startHint })}
            name="dayStartMinutes"
            value={dayStart}
            onChange={(event) => setDayStart(event.target.value)}
            options={startValues.map((m) => ({ value: String(m), label: clockLabel(m) }))}
          />
        </Field>
      </div>
    </SettingsCard>
  );
}
