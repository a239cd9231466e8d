import "server-only";
import { billingEnabled } from "@atlas/billing";
import { send } from "@atlas/jobs";

/**
 * A member joined: queue the seat sync (docs/domain.md "Seats"). The join never waits for it or
 * fails because of it; with billing off there is nothing to sync.
 */
export function syncSeatsAfterJoin(workspaceId: string): void {
  if (!billingEnabled()) return;
  send("atlas/billing.seats-sync", { workspaceId }).catch((error: unknown) => {
    console.error("[billing] seat sync not queued", { workspaceId, error });
  });
}
