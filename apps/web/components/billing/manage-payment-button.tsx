"use client";

import { Button } from "@atlas/ui";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

/** The owner opens Stripe's Customer Portal (card, billing details); it returns to /billing. */
export function ManagePaymentButton({ workspaceId }: { workspaceId: string }) {
  const portal = useAction((api) => api.billing.portal.mutate, {
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const { form } = describeError(portal.error);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          variant="outline"
          aria-disabled={portal.isPending || portal.data !== undefined}
          onClick={() => !portal.isPending && portal.fire({ workspaceId })}
        >
          Manage payment method
        </Button>
      </div>
      {form ? (
        <p role="alert" className="text-sm text-danger">
          {form}
        </p>
      ) : null}
    </div>
  );
}
