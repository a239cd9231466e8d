"use client";

import { NativeSelect } from "@atlas/ui";
import { PRIORITY_LABEL } from "@atlas/ui/labels";
import { useRouter } from "next/navigation";
import { useAction } from "~/lib/api.ts";

type Priority = keyof typeof PRIORITY_LABEL;

/** Changes a task's priority from the member's today on (a new version), as you; audited. */
export function TaskPriorityForm({
  workspaceId,
  memberId,
  taskId,
  title,
  priority,
}: {
  workspaceId: string;
  memberId: string;
  taskId: string;
  title: string;
  priority: Priority;
}) {
  const router = useRouter();
  const update = useAction((api) => api.member.updateTask.mutate, {
    onSuccess: () => router.refresh(),
  });
  return (
    <span className="flex items-center gap-2">
      <NativeSelect
        aria-label={`Priority of ${title}`}
        value={priority}
        disabled={update.isPending}
        options={Object.entries(PRIORITY_LABEL).map(([value, label]) => ({ value, label }))}
        onChange={(e) =>
          update.fire({ workspaceId, memberId, taskId, priority: e.target.value as Priority })
        }
      />
      {update.error ? <span className="text-sm text-danger">{update.error.message}</span> : null}
    </span>
  );
}
