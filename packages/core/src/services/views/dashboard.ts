/**
 * The caller's dashboard (docs/domain.md "Read models", "Overload"): today's score and the 30 days
 * before it, consistency, habits by strength, the habits at risk, and the next 7 days' load with
 * its trend and the relief overload.applyRelief would apply. As of the request's instant.
 */
import {
  clampHistory,
  forecastLoad,
  loadTrend,
  memberNow,
  planRelief,
  type HabitSchedule,
  type HistoryLimit,
  type LoadLevel,
  type Relief,
} from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import { addDays, diffDays } from "@atlas/time";
import {
  atRiskOut,
  dayLoadOut,
  type AtRiskHabitOut,
  type DayLoadOut,
  habitsById,
  inSnapshot,
  loadSnapshot,
  type ViewedMember,
  round4,
  taskTitles,
} from "./member-view.ts";

const TREND_DAYS = 30;

export interface ReliefMoveOut {
  taskId: string;
  title: string;
  from: string;
  to: string;
}

/** What deferring deadline-free tasks would do; pass `moves` (without titles) to applyRelief. */
export type ReliefOut =
  { kind: "none" } | { kind: "no_relief" } | { kind: "relief"; moves: ReliefMoveOut[] };

export interface DashboardOut {
  localDate: string;
  score: { percent: number | null };
  /** 30 days ending today, oldest first (fewer when the plan's chart history is shorter). */
  trend: { date: string; percent: number | null }[];
  /** Set when the plan's chart history cut the trend (docs/domain.md "Plans and entitlements"). */
  historyLimit: HistoryLimit | null;
  /** As of now; null before the first scored day. */
  consistency: number | null;
  recovering: boolean;
  /** Active habits, strength descending, ties by name; the streak as of now, its unit by schedule. */
  habits: {
    id: string;
    name: string;
    schedule: HabitSchedule;
    strength: number;
    currentStreak: number;
  }[];
  atRisk: AtRiskHabitOut[];
  overload: {
    level: LoadLevel;
    /** today … today + 6. */
    days: (DayLoadOut & { date: string })[];
    /** Completion falling while the coming load rises. */
    trend: boolean;
    relief: ReliefOut;
  };
}

/** What the dashboard offers: nothing to do, nothing that helps, or the moves. */
function reliefKind(relief: Relief): "none" | "no_relief" | "relief" {
  if (relief.moves.length > 0) return "relief";
  return relief.noReliefDates.length > 0 || relief.stillOverDates.length > 0 ? "no_relief" : "none";
}

export async function getDashboard(
  db: TenantDb,
  member: ViewedMember,
  now: Date,
): Promise<DashboardOut> {
  // Everything the answer may need, in one short snapshot; the engine runs after it commits.
  const loaded = await inSnapshot(db, async (tx) => {
    const snapshot = await loadSnapshot(tx, member.workspaceId, member.userId, now, TREND_DAYS);
    const { history } = snapshot.context;
    return {
      ...snapshot,
      habits: await habitsById(
        tx,
        history.habits.map((h) => h.id),
        snapshot.today,
      ),
      titles: await taskTitles(
        tx,
        history.tasks.map((t) => t.id),
      ),
    };
  });
  const { context, today, resume, habits, titles } = loaded;
  const { history } = context;
  const from = addDays(today, 1 - TREND_DAYS);
  const view = memberNow(history, today, { from, resume });
  const forecast = forecastLoad(history, today);
  const relief = planRelief(history, today);
  const todayRow = view.days.at(-1)!;
  const latestScored = view.days.findLast((d) => d.score !== null);
  const kind = reliefKind(relief);
  // A day before the member's first has no row: nothing was due.
  const scores = new Map(view.days.map((d) => [d.localDate, d.score]));
  // The plan's chart history cuts what the trend shows, not what the engine reads (the load
  // trend and recovery still see their days).
  const shown = clampHistory(member.entitlements, today, from);
  const trend = Array.from({ length: diffDays(today, shown.from) + 1 }, (_, i) =>
    addDays(shown.from, i),
  );

  return {
    localDate: today,
    score: { percent: todayRow.score },
    trend: trend.map((date) => ({ date, percent: scores.get(date) ?? null })),
    historyLimit: shown.limit,
    consistency: todayRow.consistency === null ? null : round4(todayRow.consistency),
    recovering: latestScored?.isRecovering ?? false,
    habits: view.habits
      .map((h) => ({
        id: h.habit.id,
        name: habits.get(h.habit.id)!.title,
        schedule: habits.get(h.habit.id)!.current.schedule.type,
        strength: round4(h.row.strength),
        currentStreak: h.streak,
      }))
      .sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name)),
    atRisk: atRiskOut(view.risks, habits),
    overload: {
      level: forecast.level,
      days: forecast.days.map((d) => ({ date: d.localDate, ...dayLoadOut(d) })),
      trend: loadTrend(view.days, forecast, today).isWorsening,
      relief:
        kind === "relief"
          ? {
              kind,
              moves: relief.moves.map((m) => ({
                taskId: m.taskId,
                title: titles.get(m.taskId)!,
                from: m.fromDate,
                to: m.toDate,
              })),
            }
          : { kind },
    },
  };
}
