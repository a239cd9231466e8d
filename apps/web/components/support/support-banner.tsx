"use client";

import type { RouterOutputs } from "@atlas/api";
import { Button } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";
import { LocalTime } from "./local-time.tsx";

type Grant = RouterOutputs["support"]["active"][number];

/**
 * While Atlas support can see the workspace, everyone in it is told who and until when
 * (docs/domain.md "Support access"); owners can end it here at once.
 */
export function SupportBanner({
  workspaceId,
  grants,
  isOwner,
}: {
  workspaceId: string;
  grants: Grant[];
  isOwner: boolean;
}) {
  const router = useRouter();
  const revoke = useAction((api) => api.support.revoke.mutate, {
    onSuccess: () => router.refresh(),
  });
  const { form } = describeError(revoke.error);
  if (grants.length === 0) return null;
  return (
    <div role="status" className="border-b border-warning/40 bg-warning/10">
      <ul className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-2 text-sm">
        {grants.map((grant) => (
          <li key={grant.id} className="flex flex-wrap items-center gap-3">
            <span>
              Atlas support ({grant.staff?.name || grant.staff?.email}) can{" "}
              {grant.scope === "write" ? "see and change" : "see"} this workspace until{" "}
              <LocalTime iso={grant.expiresAt!} />
              {grant.breakGlass ? " (break-glass)" : ""}.
            </span>
            {isOwner ? (
              <Button
                type="button"
                size="sm"
                variant="secondary"
                aria-disabled={revoke.isPending}
                onClick={() =>
                  !revoke.isPending && revoke.fire({ workspaceId, grantId: grant.id })
                }
              >
                Revoke
              </Button>
            ) : null}
          </li>
        ))}
        {form ? <li className="text-danger">{form}</li> : null}
      </ul>
    </div>
  );
}
