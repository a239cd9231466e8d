"use client";

import { Button } from "@atlas/ui";
import { useMutation } from "@tanstack/react-query";
import { describeError } from "~/lib/errors.ts";
import { useTRPC } from "~/lib/trpc/react.tsx";

/** The owner opens Stripe's Customer Portal (card, billing details); it returns to /billing. */
export function ManagePaymentButton({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const portal = useMutation(
    trpc.billing.portal.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );
  const { form } = describeError(portal.error);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          variant="outline"
          aria-disabled={portal.isPending || portal.isSuccess}
          onClick={() => !portal.isPending && portal.mutate({ workspaceId })}
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
