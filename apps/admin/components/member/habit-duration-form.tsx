"use client";

import { Button, Input } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "~/lib/api.ts";

/**
 * Edits the minutes a habit takes from the member's today on (a new version, as in the web app),
 * with you as the actor; audited. Past days keep their version.
 */
export function HabitDurationForm({
  workspaceId,
  memberId,
  habitId,
  name,
  durationMinutes,
}: {
  workspaceId: string;
  memberId: string;
  habitId: string;
  name: string;
  durationMinutes: number;
}) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(String(durationMinutes));
  const update = useAction((api) => api.member.updateHabit.mutate, {
    onSuccess: () => router.refresh(),
  });
  const id = `duration-${habitId}`;
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        update.fire({ workspaceId, memberId, habitId, durationMinutes: Number(minutes) });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Minutes for {name}
      </label>
      <Input
        id={id}
        type="number"
        min={0}
        max={1440}
        className="w-20"
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <span className="text-xs text-muted-foreground">min</span>
      <Button type="submit" size="sm" variant="outline" disabled={update.isPending}>
        Save
      </Button>
      {update.error ? <span className="text-sm text-danger">{update.error.message}</span> : null}
    </form>
  );
}
