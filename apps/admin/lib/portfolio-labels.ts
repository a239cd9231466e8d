/** Words the portfolio shows for the API's values. */
import type { AdminRouterOutputs } from "@atlas/api";

export type PortfolioItem = AdminRouterOutputs["portfolio"]["list"]["items"][number];
export type CoachFlag = PortfolioItem["flags"][number]["flag"];
export type StatusKind = NonNullable<PortfolioItem["status"]>["kind"];

export const FLAG_LABEL: Record<CoachFlag, string> = {
  slipping: "Slipping",
  overloaded: "Overloaded",
  inactive: "Inactive",
  streak_broken: "Streak broken",
  recovering: "Recovering",
};

export const FLAG_TONE: Record<CoachFlag, "danger" | "warning" | "success"> = {
  slipping: "danger",
  overloaded: "warning",
  inactive: "danger",
  streak_broken: "warning",
  recovering: "success",
};

export const STATUS_LABEL: Record<StatusKind, string> = {
  on_leave: "On leave",
  vacation: "On vacation",
  paused: "Paused",
};

export const LOAD_LABEL: Record<PortfolioItem["overload"]["level"], string> = {
  none: "Within capacity",
  near: "Near capacity",
  over: "Over capacity",
  critical: "Critical overload",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "On leave until 12 Jan" (the until date is the member's local date, inclusive). */
export function statusWords(status: NonNullable<PortfolioItem["status"]>): string {
  if (status.untilDate === null) return STATUS_LABEL[status.kind];
  const [, month, day] = status.untilDate.split("-");
  return `${STATUS_LABEL[status.kind]} until ${Number(day)} ${MONTHS[Number(month) - 1]}`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", "yesterday", "5 days ago"; "Never" without a check-in. */
export function lastCheckInWords(at: Date | null, now: Date): string {
  if (at === null) return "Never";
  const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
  if (minutes > -60) return relative.format(Math.min(minutes, 0), "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (days > -60) return relative.format(days, "day");
  return relative.format(Math.round(days / 30), "month");
}

/** The drill-down of one member (app/members/[workspaceId]/[memberId], built beside this page). */
export const memberHref = (item: Pick<PortfolioItem, "workspaceId" | "memberId">) =>
  `/members/${encodeURIComponent(item.workspaceId)}/${encodeURIComponent(item.memberId)}`;
