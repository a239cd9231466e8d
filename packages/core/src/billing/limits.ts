/**
 * The plan's limits as the services enforce them (docs/domain.md "Plans and entitlements"): how
 * many may belong to a workspace, how far back charts reach, and which notification channels a
 * workspace has. Pure: each reads the workspace's entitlement snapshot, never the catalog.
 */
import { addDays, type LocalDate } from "@atlas/time";
import { AppError } from "../errors.ts";
import {
  isEntitled,
  limitReachedMessage,
  planLimit,
  planThatLifts,
  type EntitlementSnapshot,
  type PlanLimit,
} from "./plan-catalog.ts";

// ── Members and seats ─────────────────────────────────────────────────────────────────────────

/**
 * Refuses (PAYMENT_REQUIRED) a workspace of `headcount` people when it passes a limit of the
 * plan: `membersPerWorkspace`, and `seats` on a plan that sells seats (a limit above 0: the free
 * plan's 0 seats bills nobody, its members limit caps it). The caller counts: an invitation
 * counts the active members plus the open invitations with the new one; a join the active
 * members with the one joining.
 */
export function assertMemberRoom(snapshot: EntitlementSnapshot, headcount: number): void {
  const limits: PlanLimit[] = ["membersPerWorkspace", "seats"];
  for (const feature of limits) {
    const limit = planLimit(snapshot, feature);
    if (limit === null || (feature === "seats" && limit === 0)) continue;
    if (headcount > limit) {
      throw new AppError("PAYMENT_REQUIRED", limitReachedMessage(snapshot, feature, limit), {
        feature,
        limit,
      });
    }
  }
}

// ── Chart history ─────────────────────────────────────────────────────────────────────────────

/** What a chart read tells the screen when the plan cut its range. */
export interface HistoryLimit {
  /** The plan's `chartHistoryDays`. */
  days: number;
  /** The first local day shown. */
  earliest: LocalDate;
  /** "Your plan (Free) shows the last 30 days: the Team plan shows more." */
  message: string;
}

/** The plan's reach in days (null: unlimited; a plan without the feature shows today alone). */
function historyDays(snapshot: EntitlementSnapshot): number | null {
  const days = planLimit(snapshot, "chartHistoryDays");
  return days === null ? null : Math.max(days, 1);
}

function historyMessage(snapshot: EntitlementSnapshot, days: number): string {
  const reach = days === 1 ? "today only" : `the last ${days} days`;
  const head = `Your plan (${snapshot.planName}) shows ${reach}`;
  const lifts = planThatLifts("chartHistoryDays", days);
  return lifts === undefined ? `${head}.` : `${head}: the ${lifts.name} plan shows more.`;
}

/**
 * The first day a chart may show on the plan, counted back from the member's `today` (today is
 * day 1), and the note that says so; null when the plan's history is unlimited.
 */
export function historyLimitOf(
  snapshot: EntitlementSnapshot,
  today: LocalDate,
): HistoryLimit | null {
  const days = historyDays(snapshot);
  if (days === null) return null;
  return { days, earliest: addDays(today, -(days - 1)), message: historyMessage(snapshot, days) };
}

/**
 * A chart's range cut to the plan: a range that starts before the earliest day starts there and
 * carries the note (`limit`); one within the plan's reach is unchanged (`limit` null).
 */
export function clampHistory(
  snapshot: EntitlementSnapshot,
  today: LocalDate,
  from: LocalDate,
): { from: LocalDate; limit: HistoryLimit | null } {
  const limit = historyLimitOf(snapshot, today);
  if (limit === null || from >= limit.earliest) return { from, limit: null };
  return { from: limit.earliest, limit };
}

/**
 * Refuses (PAYMENT_REQUIRED) a range the caller asked for explicitly that ends before the plan's
 * earliest day: nothing of it could be shown.
 */
export function assertHistoryReach(
  snapshot: EntitlementSnapshot,
  today: LocalDate,
  to: LocalDate,
): void {
  const limit = historyLimitOf(snapshot, today);
  if (limit !== null && to < limit.earliest) {
    throw new AppError("PAYMENT_REQUIRED", limit.message, {
      feature: "chartHistoryDays",
      limit: limit.days,
      earliest: limit.earliest,
    });
  }
}

// ── Notification channels ─────────────────────────────────────────────────────────────────────

/** The channels a plan may include, in the order the settings list them. */
export const NOTIFICATION_CHANNELS = [
  "in_app",
  "email_digest",
  "email_instant",
  "web_push",
  "coach_digest",
] as const;
export type NotificationChannelFeature = (typeof NOTIFICATION_CHANNELS)[number];

/** The channels the workspace's plan includes (free: in-app and the daily digest). */
export function allowedChannels(snapshot: EntitlementSnapshot): NotificationChannelFeature[] {
  return NOTIFICATION_CHANNELS.filter((channel) => isEntitled(snapshot, channel));
}
