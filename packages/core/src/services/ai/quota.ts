/**
 * The AI quota (docs/domain.md "AI suggestions" → "Quota and rate limit"): the plan's
 * `aiSuggestionsPerSeatPerMonth` × the workspace's billable members (active memberships, every
 * role), per calendar month in UTC, counted over the suggestions created in the workspace this
 * month (requested and scheduled alike). A member reads only their own suggestions, so the count
 * comes from a SECURITY DEFINER function scoped to the bound workspace (migration
 * 20261206140000_ai_suggestions).
 */
import { AppError } from "../../errors.ts";
import {
  limitReachedMessage,
  planLimit,
  type EntitlementSnapshot,
} from "../../billing/plan-catalog.ts";
import type { TenantTx as Tx } from "@atlas/db";

export interface AiQuota {
  /** The plan's suggestions per seat a month; null: unlimited. */
  perSeat: number | null;
  seats: number;
  /** perSeat × seats; null: unlimited. */
  limit: number | null;
  /** Suggestions created in the workspace this UTC month. */
  used: number;
}

/** The first instant of `now`'s calendar month in UTC. */
export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export async function aiQuota(
  tx: Tx,
  workspaceId: string,
  entitlements: EntitlementSnapshot,
  now: Date,
): Promise<AiQuota> {
  const perSeat = planLimit(entitlements, "aiSuggestionsPerSeatPerMonth");
  const seats = await tx.membership.count({ where: { workspaceId, leftAt: null } });
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT "atlas_ai_suggestions_since"(${monthStartUtc(now)}) AS n`;
  return { perSeat, seats, limit: perSeat === null ? null : perSeat * seats, used: row?.n ?? 0 };
}

/** PAYMENT_REQUIRED naming the plan that allows more, once this month's suggestions are used. */
export function assertQuotaLeft(entitlements: EntitlementSnapshot, quota: AiQuota): void {
  if (quota.limit === null || quota.perSeat === null || quota.used < quota.limit) return;
  throw new AppError(
    "PAYMENT_REQUIRED",
    `${limitReachedMessage(entitlements, "aiSuggestionsPerSeatPerMonth", quota.perSeat)} This workspace has used its ${quota.limit} AI suggestions this month.`,
    {
      feature: "aiSuggestionsPerSeatPerMonth",
      limit: quota.limit,
      used: quota.used,
      perSeat: quota.perSeat,
    },
  );
}
