"use client";

import { NativeSelect } from "@atlas/ui";
import { PRIORITY_LABEL } from "@atlas/ui/labels";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/lib/trpc/react.tsx";

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
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(
    trpc.member.updateTask.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <span className="flex items-center gap-2">
      <NativeSelect
        aria-label={`Priority of ${title}`}
        value={priority}
        disabled={update.isPending}
        options={Object.entries(PRIORITY_LABEL).map(([value, label]) => ({ value, label }))}
        onChange={(e) =>
          update.mutate({ workspaceId, memberId, taskId, priority: e.target.value as Priority })
        }
      />
      {update.error ? <span className="text-sm text-danger">{update.error.message}</span> : null}
    </span>
  );
}
