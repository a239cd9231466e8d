"use client";

import { Field, Input, fieldControlProps } from "@atlas/ui";
import { useId, useState } from "react";
import { SettingsCard } from "~/components/settings-card.tsx";
import { TimeZonePicker } from "~/components/time-zone-picker.tsx";
import { useAction } from "~/lib/api.ts";
import { firstError } from "~/lib/errors.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";

export interface WorkspaceSettings {
  lateEntryWindowDays: number;
  sharesProgress: boolean;
  aiAcceptanceThreshold: number;
  defaultTimeZone: string;
}

const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Owners and admins: the workspace's settings (docs/domain.md "Workspaces and people"). */
export function WorkspaceSettingsForm({
  workspaceId,
  workspaceName,
  initial,
  timeZoneLabel,
}: {
  workspaceId: string;
  workspaceName: string;
  initial: WorkspaceSettings;
  /** How the default zone is shown: "UTC+05:30 · Asia/Kolkata (Kolkata)". */
  timeZoneLabel: string;
}) {
  const id = useId();
  const [windowDays, setWindowDays] = useState(String(initial.lateEntryWindowDays));
  const [threshold, setThreshold] = useState(String(initial.aiAcceptanceThreshold));
  const [sharesProgress, setSharesProgress] = useState(initial.sharesProgress);
  const [timeZone, setTimeZone] = useState({ zone: initial.defaultTimeZone, label: timeZoneLabel });
  const [saved, setSaved] = useState(false);

  const update = useAction((api) => api.workspace.settings.update.mutate, {
    onSuccess: () => setSaved(true),
  });
  const check = useSchemaCheck("workspace.settings.update");
  const { fields, form } = check.shown(update.error);

  async function submit() {
    setSaved(false);
    const input = {
      lateEntryWindowDays: toNumber(windowDays),
      aiAcceptanceThreshold: toNumber(threshold),
      sharesProgress,
      defaultTimeZone: timeZone.zone,
    };
    if (await check.passes(input)) update.fire({ workspaceId, ...input });
  }

  const windowError = firstError(fields, "lateEntryWindowDays");
  const thresholdError = firstError(fields, "aiAcceptanceThreshold");
  const zoneError = firstError(fields, "defaultTimeZone");

  return (
    <SettingsCard
      id={id}
      title={`${workspaceName} settings`}
      description="Owners and admins change these for everyone in the workspace."
      submitLabel="Save workspace settings"
      isPending={update.isPending}
      error={form}
      saved={saved ? "Saved." : null}
      onSubmit={() => void submit()}
      onFocus={check.preload}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={`${id}-window`}
          label="Late-entry window (days)"
          hint="0 to 60"
          error={windowError}
        >
          <Input
            {...fieldControlProps(`${id}-window`, { error: windowError, hint: "0 to 60" })}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            value={windowDays}
            onChange={(event) => setWindowDays(event.target.value)}
          />
        </Field>
        <Field
          id={`${id}-threshold`}
          label="AI acceptance threshold"
          hint="0 to 1, at most 3 decimals"
          error={thresholdError}
        >
          <Input
            {...fieldControlProps(`${id}-threshold`, {
              error: thresholdError,
              hint: "0 to 1, at most 3 decimals",
            })}
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          />
        </Field>
        <Field id={`${id}-zone`} label="Default time zone" error={zoneError}>
          <TimeZonePicker
            {...fieldControlProps(`${id}-zone`, { error: zoneError })}
            name="defaultTimeZone"
            value={timeZone.zone}
            label={timeZone.label}
            onChange={setTimeZone}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-primary"
          checked={sharesProgress}
          onChange={(event) => setSharesProgress(event.target.checked)}
        />
        Members see each other&apos;s progress
      </label>
    </SettingsCard>
  );
}
