"use client";

import type { RouterOutputs } from "@atlas/api";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@atlas/ui";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

type Listing = RouterOutputs["support"]["list"];
type Grant = Listing["grants"][number];

function stateOf(grant: Grant): string {
  if (grant.isActive) return "Active";
  if (grant.status === "requested") return "Pending";
  if (grant.status === "approved") return "Ended";
  return grant.status === "refused" ? "Refused" : "Revoked";
}

/**
 * Owners: Atlas staff's requests for access to this workspace, the grants open now and past
 * ones; approve, refuse, revoke, and the switch that turns support access off. The page reads
 * the listing; after each action it renders again. Times are on the owner's own clocks.
 */
export function SupportAccessCard({
  workspaceId,
  data,
  timeZone,
}: {
  workspaceId: string;
  data: Listing;
  timeZone: string;
}) {
  const locale = useLocale();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const settled = { onSuccess: () => startRefresh(() => router.refresh()) };
  const approve = useAction((api) => api.support.approve.mutate, settled);
  const refuse = useAction((api) => api.support.refuse.mutate, settled);
  const revoke = useAction((api) => api.support.revoke.mutate, settled);
  const setEnabled = useAction((api) => api.support.setEnabled.mutate, settled);
  const busy =
    approve.isPending ||
    refuse.isPending ||
    revoke.isPending ||
    setEnabled.isPending ||
    isRefreshing;
  const error = [approve, refuse, revoke, setEnabled]
    .map((m) => describeError(m.error).form)
    .find(Boolean);

  return (
    <Card aria-labelledby="support-title">
      <CardHeader>
        <CardTitle id="support-title">Support access</CardTitle>
        <CardDescription>
          Atlas staff can ask to see this workspace for up to 24 hours to help you. Nothing opens
          until you approve, except break-glass in an emergency, which shows here at once.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={data.supportAccessEnabled}
            disabled={busy}
            onChange={(event) => setEnabled.fire({ workspaceId, enabled: event.target.checked })}
          />
          Allow Atlas support access (turning it off ends every open grant)
        </label>
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        {data.grants.length === 0 ? (
          <p className="text-sm text-muted-foreground">No requests yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border" aria-label="Support requests">
            {data.grants.map((grant) => (
              <li key={grant.id} className="flex flex-col gap-2 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <strong className="font-medium">{grant.staff?.name || grant.staff?.email}</strong>
                  <Badge>{stateOf(grant)}</Badge>
                  {grant.breakGlass ? <Badge>Break-glass</Badge> : null}
                  <span className="text-muted-foreground">
                    {grant.scope === "write" ? "Read and write" : "Read-only"},{" "}
                    {grant.durationMinutes} min
                    {grant.isActive && grant.expiresAt ? (
                      <>
                        , until{" "}
                        <time dateTime={grant.expiresAt}>
                          {formatInstant(grant.expiresAt, "time", locale, timeZone)}
                        </time>
                      </>
                    ) : null}
                  </span>
                </div>
                <p>“{grant.reason}”</p>
                <div className="flex gap-2">
                  {grant.status === "requested" ? (
                    <>
                      <Button
                        type="button"
                        size="sm"
                        aria-disabled={busy}
                        onClick={() => !busy && approve.fire({ workspaceId, grantId: grant.id })}
                      >
                        Approve
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="secondary"
                        aria-disabled={busy}
                        onClick={() => !busy && refuse.fire({ workspaceId, grantId: grant.id })}
                      >
                        Refuse
                      </Button>
                    </>
                  ) : null}
                  {grant.isActive ? (
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      aria-disabled={busy}
                      onClick={() => !busy && revoke.fire({ workspaceId, grantId: grant.id })}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
