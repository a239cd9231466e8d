"use client";

import { Button } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

/** The support banner's "Revoke" for one grant (owners only), and why it failed if it did. */
export function RevokeGrant({ workspaceId, grantId }: { workspaceId: string; grantId: string }) {
  const router = useRouter();
  const revoke = useAction((api) => api.support.revoke.mutate, {
    onSuccess: () => router.refresh(),
  });
  const { form } = describeError(revoke.error);
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        aria-disabled={revoke.isPending}
        onClick={() => !revoke.isPending && revoke.fire({ workspaceId, grantId })}
      >
        Revoke
      </Button>
      {form ? <span className="basis-full text-danger">{form}</span> : null}
    </>
  );
}
