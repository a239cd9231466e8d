import type { RouterOutputs } from "@atlas/api";
import type { Route } from "next";
import Link from "next/link";
import { getLocale } from "@atlas/next-app/server";
import { formatInstant } from "@atlas/ui/dates";

type Dunning = NonNullable<RouterOutputs["workspace"]["current"]["dunning"]>;

/**
 * Owners and admins, while a payment is failing (docs/domain.md "Billing page"): what is
 * paused now or from when, and the way to the billing page. Members never see it.
 */
export async function PastDueBanner({ dunning, timeZone }: { dunning: Dunning; timeZone: string }) {
  if (dunning.stage === "none") return null;
  const locale = await getLocale();
  const day = (iso: string | null) => (iso ? formatInstant(iso, "date", locale, timeZone) : null);
  const since = day(dunning.pastDueSince);
  const failing = since
    ? `A payment for this workspace has been failing since ${since}.`
    : "A payment for this workspace has failed.";
  const next =
    dunning.stage === "past_due"
      ? dunning.pausesAt
        ? `Unless it is paid, new AI suggestions and invitations pause from ${day(dunning.pausesAt)}, and the workspace becomes read-only from ${day(dunning.readOnlyAt)}.`
        : "Unless it is paid, new AI suggestions and invitations pause after 7 days, and the workspace becomes read-only after 14."
      : dunning.stage === "paused"
        ? `New AI suggestions and invitations are paused; from ${day(dunning.readOnlyAt)} the workspace becomes read-only.`
        : "The workspace is read-only: reading, exporting and removing members still work.";
  return (
    <div role="status" className="border-b border-danger/30 bg-danger/10">
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
        <span>
          {failing} {next}
        </span>
        <Link
          href={"/billing" as Route}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Update the payment method
        </Link>
      </p>
    </div>
  );
}
