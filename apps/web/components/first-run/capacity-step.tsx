"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CapacityForm, type WeekCapacity } from "~/components/capacity-form.tsx";
import { errorText } from "~/components/today/use-log-write.ts";
import { useAction } from "~/lib/api.ts";

/** Step 2 of the first run: the capacity form as in settings; once saved, on to step 3. */
export function CapacityStep(props: {
  workspaceId: string;
  workspaceName: string;
  initial: WeekCapacity;
}) {
  const router = useRouter();
  const advance = useAction((api) => api.firstRun.advance.mutate);
  const [error, setError] = useState<string | null>(null);

  async function saved() {
    setError(null);
    try {
      // Repeating it changes nothing, so a retry needs no key.
      await advance.send({ from: "set_capacity" });
      router.refresh();
    } catch (caught) {
      setError(`Saved, but could not go on: ${errorText(caught)} Save again to retry.`);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <CapacityForm {...props} onSaved={() => void saved()} />
      {error ? (
        <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
