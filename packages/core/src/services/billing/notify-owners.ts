/**
 * Tells a workspace's owners something once (docs/domain.md "Billing events"): one in-app
 * Notification per active owner, keyed by `dedupeKey` (unique per workspace and recipient), so a
 * redelivered event or a retried job notifies nobody twice. Other channels come with the
 * notifications issue. Runs on the caller's bypass transaction (jobs, webhooks).
 */
import type { Db, Prisma } from "@atlas/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface OwnerNotice {
  /** e.g. "billing.payment_failed". */
  kind: string;
  title: string;
  body: string;
  /** One notice per key: e.g. "billing.payment_failed:<invoice id>". */
  dedupeKey: string;
  data?: Prisma.InputJsonObject;
}

/** Notifies each active owner once per `dedupeKey`; returns how many notifications were new. */
export async function notifyOwners(
  tx: Pick<Tx, "membership" | "notification">,
  workspaceId: string,
  notice: OwnerNotice,
): Promise<number> {
  const owners = await tx.membership.findMany({
    where: { workspaceId, role: "owner", leftAt: null },
    select: { userId: true },
  });
  if (owners.length === 0) return 0;
  const created = await tx.notification.createMany({
    data: owners.map(({ userId }) => ({
      workspaceId,
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      data: notice.data ?? {},
      channel: "in_app" as const,
      dedupeKey: notice.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return created.count;
}
