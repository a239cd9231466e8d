"use client";

import { Button, Input, NativeSelect, Textarea } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "~/lib/api.ts";

/**
 * Staff ask a workspace's owner for access (or open it at once, break-glass, saying why): one
 * workspace, a reason, at most 24 hours, read-only unless write is asked for.
 */
export function SupportRequestForm({ workspaces }: { workspaces: { id: string; name: string }[] }) {
  const router = useRouter();
  const [workspaceId, setWorkspaceId] = useState(workspaces[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const [hours, setHours] = useState("1");
  const [write, setWrite] = useState(false);
  const [breakGlass, setBreakGlass] = useState(false);
  // One key per filled-in request: a retry after a network failure reuses it.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const done = {
    onSuccess: () => {
      setReason("");
      setKey(crypto.randomUUID());
      router.refresh();
    },
  };
  const request = useAction((api) => api.platform.support.request.mutate, done);
  const glass = useAction((api) => api.platform.support.breakGlass.mutate, done);
  const mutation = breakGlass ? glass : request;
  const error = request.error?.message ?? glass.error?.message;

  return (
    <form
      aria-label="Request support access"
      className="flex flex-col gap-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        mutation.fire({
          idempotencyKey: key,
          workspaceId,
          reason,
          durationMinutes: Math.round(Number(hours) * 60),
          scope: write ? "write" : "read",
        });
      }}
    >
      <label className="flex flex-col gap-1">
        Workspace
        <NativeSelect
          value={workspaceId}
          onChange={(event) => setWorkspaceId(event.target.value)}
          options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
        />
      </label>
      <label className="flex flex-col gap-1">
        Reason (the owner reads it)
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} required />
      </label>
      <label className="flex flex-col gap-1">
        Hours (at most 24)
        <Input
          type="number"
          min={0.25}
          max={24}
          step={0.25}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
        />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={write} onChange={(e) => setWrite(e.target.checked)} />
        Ask for write access too
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={breakGlass}
          onChange={(e) => setBreakGlass(e.target.checked)}
        />
        Break-glass: open now without the owner (they are told)
      </label>
      {error ? (
        <p role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" aria-disabled={mutation.isPending}>
          {breakGlass ? "Open access now" : "Request access"}
        </Button>
      </div>
    </form>
  );
}
