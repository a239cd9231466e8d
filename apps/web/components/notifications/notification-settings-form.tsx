"use client";

import { Field, Input, NativeSelect, fieldControlProps } from "@atlas/ui";
import type { RouterOutputs } from "@atlas/api";
import Link from "next/link";
import { useId, useState } from "react";
import { EnablePushButton } from "~/components/notifications/enable-push-button.tsx";
import { SettingsCard } from "~/components/settings-card.tsx";
import { useAction } from "~/lib/api.ts";
import { describeError, firstError } from "~/lib/errors.ts";

export type NotificationPreferences = RouterOutputs["notifications"]["preferences"]["get"];
type Channel = NotificationPreferences["categories"][number]["channels"][number]["channel"];
type Digest = NotificationPreferences["digest"];

const CHANNEL_LABELS: Record<Channel, string> = {
  in_app: "In app",
  email: "E-mail",
  web_push: "Push",
};

const DIGESTS: { value: Digest; label: string }[] = [
  { value: "off", label: "No digest: e-mail each notice on its own" },
  { value: "hourly", label: "Hourly" },
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
];

/** "HH:MM" of minutes after local midnight, and back ("" = none). */
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutesOf = (value: string) => {
  const [h, m] = value.split(":").map(Number);
  return h! * 60 + m!;
};

const key = (category: string, channel: Channel) => `${category}:${channel}`;

/**
 * The member's notification choices in this workspace (docs/domain.md "Notifications" ›
 * "Preferences"): per category × channel toggles (locked where the category or the plan does not
 * allow, with the reason; owners get a link to /billing), quiet hours in their local time and
 * how non-urgent e-mail is batched.
 */
export function NotificationSettingsForm({
  workspaceId,
  initial,
  isOwner,
}: {
  workspaceId: string;
  initial: NotificationPreferences;
  isOwner: boolean;
}) {
  const id = useId();
  const [prefs, setPrefs] = useState(initial);
  const [toggles, setToggles] = useState<Record<string, boolean>>({});
  const [quietStart, setQuietStart] = useState(
    initial.quietHours ? clock(initial.quietHours.startMinutes) : "",
  );
  const [quietEnd, setQuietEnd] = useState(
    initial.quietHours ? clock(initial.quietHours.endMinutes) : "",
  );
  const [digest, setDigest] = useState<Digest>(initial.digest);
  const [saved, setSaved] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const updatePreferences = useAction((api) => api.notifications.preferences.update.mutate);
  const updateSettings = useAction((api) => api.notifications.settings.update.mutate);
  const { fields, form } = describeError(updateSettings.error ?? updatePreferences.error);

  async function submit() {
    setSaved(false);
    setLocalError(null);
    if ((quietStart === "") !== (quietEnd === "")) {
      setLocalError("Set both ends of your quiet hours, or clear both.");
      return;
    }
    const changes = Object.entries(toggles).map(([k, isEnabled]) => {
      const [category, channel] = k.split(":") as [
        NotificationPreferences["categories"][number]["category"],
        Channel,
      ];
      return { category, channel, isEnabled };
    });
    try {
      let next = prefs;
      if (changes.length > 0) {
        next = await updatePreferences.send({ workspaceId, changes });
      }
      const timing = await updateSettings.send({
        workspaceId,
        quietHours:
          quietStart === ""
            ? null
            : { startMinutes: minutesOf(quietStart), endMinutes: minutesOf(quietEnd) },
        digest,
      });
      next = { ...next, ...timing };
      setPrefs(next);
      setToggles({});
      setSaved(true);
    } catch {
      // Shown through the mutations' errors.
    }
  }

  const quietError = firstError(fields, "quietHours") ?? localError;
  const quietHint = "Your local time. E-mail and push wait until the end; billing notices do not.";
  const isPending = updatePreferences.isPending || updateSettings.isPending;

  return (
    <SettingsCard
      id={id}
      title="Notifications"
      description={
        <>
          What reaches you, and how, in this workspace. Your plan ({prefs.planName}) decides which
          channels are available.
        </>
      }
      submitLabel="Save notification settings"
      isPending={isPending}
      error={form}
      saved={saved ? "Saved." : null}
      onSubmit={() => void submit()}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Notifications by category and channel">
          <thead>
            <tr className="text-left text-muted-foreground">
              <th scope="col" className="py-2 pr-4 font-medium">
                Category
              </th>
              {prefs.categories[0]?.channels.map((c) => (
                <th key={c.channel} scope="col" className="px-2 py-2 font-medium">
                  {CHANNEL_LABELS[c.channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {prefs.categories.map((category) => (
              <tr key={category.category} className="border-t border-border align-top">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  {category.label}
                  {category.isCritical ? (
                    <span className="block text-xs text-muted-foreground">Always sent</span>
                  ) : null}
                </th>
                {category.channels.map((choice) => {
                  const k = key(category.category, choice.channel);
                  const reasonId = `${id}-${k}-reason`;
                  const checked = toggles[k] ?? choice.isEnabled;
                  return (
                    <td key={choice.channel} className="px-2 py-2">
                      <input
                        type="checkbox"
                        className="size-4"
                        aria-label={`${category.label}: ${CHANNEL_LABELS[choice.channel]}`}
                        aria-describedby={choice.reason ? reasonId : undefined}
                        checked={checked}
                        disabled={choice.isLocked}
                        onChange={(event) =>
                          setToggles((t) => ({ ...t, [k]: event.target.checked }))
                        }
                      />
                      {choice.reason && choice.route !== "none" ? (
                        <span id={reasonId} className="block text-xs text-muted-foreground">
                          {choice.route === "digest" ? "In your digest" : "Always on"}
                        </span>
                      ) : null}
                      {choice.reason && choice.route === "none" ? (
                        <span id={reasonId} className="block text-xs text-muted-foreground">
                          {choice.isPlanLimited ? "Not in your plan" : "—"}
                          <span className="sr-only">: {choice.reason}</span>
                          {choice.isPlanLimited && isOwner ? (
                            <>
                              {" "}
                              <Link href="/billing" className="underline">
                                Change plan
                              </Link>
                            </>
                          ) : null}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="sr-only">Quiet hours and digest</legend>
        <Field
          id={`${id}-quiet-start`}
          label="Quiet hours from"
          hint={quietHint}
          error={quietError}
        >
          <Input
            {...fieldControlProps(`${id}-quiet-start`, { error: quietError, hint: quietHint })}
            type="time"
            name="quietStart"
            value={quietStart}
            onChange={(event) => setQuietStart(event.target.value)}
          />
        </Field>
        <Field id={`${id}-quiet-end`} label="Quiet hours until">
          <Input
            id={`${id}-quiet-end`}
            type="time"
            name="quietEnd"
            value={quietEnd}
            onChange={(event) => setQuietEnd(event.target.value)}
          />
        </Field>
        <Field id={`${id}-digest`} label="E-mail digest">
          <NativeSelect
            id={`${id}-digest`}
            name="digest"
            value={digest}
            onChange={(event) => setDigest(event.target.value as Digest)}
            options={DIGESTS}
          />
        </Field>
      </fieldset>
      <EnablePushButton
        workspaceId={workspaceId}
        isOffered={prefs.categories.some((c) =>
          c.channels.some((choice) => choice.channel === "web_push" && choice.route !== "none"),
        )}
      />
    </SettingsCard>
  );
}
