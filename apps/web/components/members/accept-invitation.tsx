"use client";

import { Button } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { switchWorkspace } from "~/app/actions.ts";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";
import { ROLE_LABEL } from "~/lib/roles.ts";

/** "Join workspace": accepts the link's invitation, then opens the workspace. */
export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const accept = useAction((api) => api.workspace.acceptInvitation.mutate);
  const [joined, setJoined] = useState<string | null>(null);

  async function join() {
    try {
      const result = await accept.send({ token });
      setJoined(`You joined ${result.workspaceName} as ${ROLE_LABEL[result.role].toLowerCase()}.`);
      const switched = await switchWorkspace(result.workspaceId);
      if (switched.ok) {
        router.push("/workspace");
        router.refresh();
      }
    } catch {
      // Shown from accept.error.
    }
  }

  const error = accept.error ? describeError(accept.error).form : null;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          type="button"
          disabled={accept.isPending || joined !== null}
          onClick={() => void join()}
        >
          {accept.isPending ? "Joining…" : "Join workspace"}
        </Button>
      </div>
      {joined ? (
        <p role="status" className="text-sm text-success">
          {joined}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
