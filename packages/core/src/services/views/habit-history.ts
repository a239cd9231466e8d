/**
 * A habit's page (docs/domain.md "Read models", "Occurrences and streaks"): 53 ISO weeks of days ending at `to` with
 * state, value, completion, strength and streak, and every schedule version. Readable by the
 * habit's member, and by others as the permission table's `seeOthers` says (a member only when
 * the workspace shares progress); the owning member's today bounds the range.
 */
import {
  AppError,
  assertHistoryReach,
  clampHistory,
  habitHistory,
  type HistoryLimit,
  type MemberHistory,
} from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import { addDays, isoWeekStart, type LocalDate } from "@atlas/time";
import type { Actor } from "../access/access.ts";
import { checkpointsBefore } from "../derived/derived.ts";
import { loadClocks } from "../derived/member-history.ts";
import { EVENT_SELECT, logEvent, type EventRow } from "../log/log.ts";
import { habitFor, habitOut, storedHabit, type HabitVersionOut } from "../plans/habits.ts";
import { habitModel } from "../plans/plan-models.ts";
import { toDbDate } from "../shared/db-date.ts";
import {
  completionOut,
  inSnapshot,
  round4,
  targetOut,
  valueText,
  type ViewTarget,
} from "./member-view.ts";

/** Weeks shown: a year of whole ISO weeks, the week of `to` included. */
const HISTORY_WEEKS = 53;

/** A schedule version, flat (the page lists them as a table). */
export interface HabitPlanVersionOut {
  /** The owning member's local day from which this version is in force. */
  effectiveFrom: string;
  schedule: HabitVersionOut["schedule"]["type"];
  /** ISO weekdays 1 (Mon) … 7 (Sun); empty unless days_of_week. */
  daysOfWeek: number[];
  timesPerWeek: number | null;
  everyNDays: number | null;
  target: ViewTarget | null;
  durationMinutes: number;
}

export type HabitDayState =
  "met" | "partial" | "missed" | "skipped" | "repaired" | "pending" | "pending_repair";

export interface HabitHistoryDay {
  date: string;
  /** Due that day (times_per_week: a day of a week the habit runs in). */
  due: boolean;
  /** The occurrence's state as known at `to`; null when not due or not running. */
  state: HabitDayState | null;
  /** The values logged that day, summed, as exact decimal text; null when none carries a value. */
  value: string | null;
  /** c ∈ [0,1] of what was logged that day, 4 decimals; null when nothing was logged or skipped. */
  completion: number | null;
  /** Strength at the end of the day (as of now for today). */
  strength: number;
  /** The streak at the end of the day. */
  streak: number;
}

export interface HabitHistoryOut {
  habit: Omit<HabitPlanVersionOut, "effectiveFrom"> & {
    id: string;
    name: string;
    memberId: string;
    memberName: string;
    archivedAt: string | null;
    startDate: string;
  };
  /**
   * 53 ISO weeks ending at `to`: from is a Monday, 52 weeks before to's week, or the plan's
   * earliest day when its chart history is shorter (`historyLimit` says so).
   */
  from: string;
  to: string;
  /** Every day from … to, oldest first. */
  days: HabitHistoryDay[];
  /** Set when the plan's chart history cut the range (docs/domain.md "Plans and entitlements"). */
  historyLimit: HistoryLimit | null;
  /** As of `to`. */
  currentStreak: number;
  /** The longest streak up to `to`. */
  bestStreak: number;
  strength: number;
  /** Every version, oldest first. */
  versions: HabitPlanVersionOut[];
}

/** A version as a flat row. */
function planVersionOut(
  v: Omit<HabitVersionOut, "effectiveFrom">,
): Omit<HabitPlanVersionOut, "effectiveFrom"> {
  const s = v.schedule;
  return {
    schedule: s.type,
    daysOfWeek: s.type === "days_of_week" ? s.daysOfWeek : [],
    timesPerWeek: s.type === "times_per_week" ? s.timesPerWeek : null,
    everyNDays: s.type === "every_n_days" ? s.everyNDays : null,
    target: targetOut(v.target),
    durationMinutes: v.durationMinutes,
  };
}

export async function getHabitHistory(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { habitId: string; to?: LocalDate },
): Promise<HabitHistoryOut> {
  // The habit, its entries after the checkpoint before the window, and the names, in one short
  // snapshot; the engine walks the window after it commits.
  const loaded = await inSnapshot(db, async (tx) => {
    const { row } = await habitFor(tx, actor, input.habitId, "read");
    const scope = { workspaceId: actor.workspaceId, memberId: row.memberId };
    const clock = (await loadClocks(tx, { ...scope, memberIds: [row.memberId] }, now)).get(
      row.memberId,
    );
    if (clock === undefined) {
      throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
    }
    const { today } = clock;
    // Rule: a `to` after the member's today shows through today (nothing later exists yet).
    const to = input.to === undefined || input.to > today ? today : input.to;
    // The plan's chart history: a `to` before it is refused, a window reaching before it is cut.
    assertHistoryReach(actor.entitlements, today, to);
    const shown = clampHistory(
      actor.entitlements,
      today,
      addDays(isoWeekStart(to), -7 * (HISTORY_WEEKS - 1)),
    );
    // The walk starts on a Monday (the plan's first day may fall mid-week): the Sunday before it
    // is a kept checkpoint, and a times_per_week week is counted whole.
    const from = isoWeekStart(shown.from);
    const checkpoint = (
      await checkpointsBefore(tx, actor.workspaceId, [
        { memberId: row.memberId, before: from, notBefore: clock.firstDay },
      ])
    ).get(row.memberId);
    const events = (await tx.executionEvent.findMany({
      where: {
        workspaceId: actor.workspaceId,
        habitId: row.id,
        localDate: {
          ...(checkpoint && { gt: toDbDate(checkpoint.localDate) }),
          lte: toDbDate(to),
        },
      },
      select: EVENT_SELECT,
      orderBy: [{ localDate: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
    })) as EventRow[];
    const member = await tx.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: row.memberId } },
      select: { user: { select: { name: true } } },
    });
    return { row, clock, to, from, shown, checkpoint, events, memberName: member.user.name };
  });
  const { row, clock, to, from, shown, checkpoint, events, memberName } = loaded;
  const { today } = clock;
  const history: MemberHistory = {
    memberId: row.memberId,
    habits: [habitModel(storedHabit(row), clock.timeSettings)],
    tasks: [],
    events: events.map(logEvent),
    capacity: [],
    timeSettings: clock.timeSettings,
  };
  const view = habitHistory(history, row.id, { from, to, today }, checkpoint?.state);
  const habit = habitOut(row, today);

  return {
    habit: {
      id: habit.id,
      name: habit.title,
      memberId: habit.memberId,
      memberName,
      ...planVersionOut(habit.current),
      archivedAt: habit.archivedAt,
      startDate: habit.startDate,
    },
    from: shown.from,
    to,
    days: view.days
      .filter((d) => d.localDate >= shown.from)
      .map((d) => ({
        date: d.localDate,
        due: d.isDue,
        state: d.state,
        value: d.valueMilli === null ? null : valueText(d.valueMilli),
        completion: completionOut(d.completion),
        strength: round4(d.strength),
        streak: d.streak,
      })),
    historyLimit: shown.limit,
    currentStreak: view.currentStreak,
    bestStreak: view.bestStreak,
    strength: round4(view.strength),
    versions: habit.versions.map((v) => ({
      effectiveFrom: v.effectiveFrom,
      ...planVersionOut(v),
    })),
  };
}
