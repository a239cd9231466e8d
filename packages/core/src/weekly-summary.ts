/**
 * A workspace's week for its coach (docs/domain.md "Weekly summary"): progress, plans, problems,
 * from stored rows the caller loaded. Pure: the service loads, this builds, the service stores.
 * The result is self-contained JSON (names included) so a mail can be written from it alone.
 */
import {
  addDays,
  dayKey,
  isoWeekStart,
  isoWeekday,
  localDayStart,
  ZLocalDate,
  type LocalDate,
} from "@atlas/time";
import { z } from "zod";
import { coachRisk, type CoachDay } from "./coach-risk.ts";
import type { DeriveState } from "./derive/derive-member.ts";
import { firstDoneDay, indexEvents } from "./derive/event-index.ts";
import { taskDueDateOn } from "./due.ts";
import type { StreakBreak } from "./occurrences.ts";
import { forecastLoad, plannedItems, type PlanInput } from "./overload.ts";
import { ROLES, type Role } from "./permissions.ts";

/** The shape of `summary` as stored; a row of another version is recomputed, never read. */
export const WEEK_SUMMARY_SCHEMA_VERSION = 1;

/** Rule: the weekly job summarises a workspace's last week from 06:00 on its Monday (its zone). */
export const WEEK_SUMMARY_READY_MINUTES = 6 * 60;

const ZCoachFlag = z.enum(["slipping", "overloaded", "inactive", "streak_broken", "recovering"]);
const ZLoadLevel = z.enum(["none", "near", "over", "critical"]);
const ZRole = z.enum(ROLES);
const ZAverage = z.number().nullable();
const ZCount = z.number().int().min(0);

export const ZBrokenStreak = z.object({
  habitId: z.string(),
  title: z.string(),
  /** Met occurrences in the streak that ended. */
  length: ZCount,
  /** The miss where it ended (the member's local day). */
  localDate: ZLocalDate,
});

export const ZMemberWeek = z.object({
  memberId: z.string(),
  name: z.string(),
  role: ZRole,
  // Progress
  averageScore: ZAverage,
  previousAverageScore: ZAverage,
  scoredDays: ZCount,
  /** Monday … Sunday; null on a day without a score. */
  scoreByDay: z.array(z.number().int().nullable()),
  habitsOnStreak: ZCount,
  occurrencesMet: ZCount,
  occurrencesFinished: ZCount,
  milestonesCompleted: ZCount,
  goalsCompleted: ZCount,
  // Plans (the next week)
  tasksDue: ZCount,
  habitOccurrences: ZCount,
  plannedMinutes: ZCount,
  capacityMinutes: ZCount,
  overloadedDays: z.array(ZLocalDate),
  loadLevel: ZLoadLevel,
  // Problems
  flags: z.array(ZCoachFlag),
  riskScore: ZCount,
  overdueTasks: ZCount,
  brokenStreaks: z.array(ZBrokenStreak),
});

export const ZWorkspaceWeekSummary = z.object({
  schemaVersion: z.literal(WEEK_SUMMARY_SCHEMA_VERSION),
  workspace: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  weekStart: ZLocalDate,
  weekEnd: ZLocalDate,
  nextWeekStart: ZLocalDate,
  computedAt: z.iso.datetime(),
  progress: z.object({
    averageScore: ZAverage,
    previousAverageScore: ZAverage,
    /** Monday … Sunday: the average of the members' scores that day. */
    scoreByDay: z.array(z.object({ localDate: ZLocalDate, averageScore: ZAverage })),
    habitsOnStreak: ZCount,
    occurrencesMet: ZCount,
    occurrencesFinished: ZCount,
    milestonesCompleted: ZCount,
    goalsCompleted: ZCount,
  }),
  plans: z.object({
    tasksDue: ZCount,
    habitOccurrences: ZCount,
    plannedMinutes: ZCount,
    capacityMinutes: ZCount,
    overloadedMembers: ZCount,
  }),
  problems: z.object({
    flaggedMembers: ZCount,
    overdueTasks: ZCount,
    brokenStreaks: ZCount,
  }),
  members: z.array(ZMemberWeek),
});

export type MemberWeek = z.infer<typeof ZMemberWeek>;
export type WorkspaceWeekSummary = z.infer<typeof ZWorkspaceWeekSummary>;

/** The Monday of the last ISO week that has ended in `timeZone` at `now` (midnight days). */
export function lastFinishedWeekStart(now: Date, timeZone: string): LocalDate {
  return addDays(isoWeekStart(dayKey(now, timeZone, 0)), -7);
}

/** Whether the weekly job should summarise that week now: its Monday, 06:00 local, has come. */
export function isWeekSummaryDue(now: Date, timeZone: string): boolean {
  const monday = addDays(lastFinishedWeekStart(now, timeZone), 7);
  return now >= localDayStart(monday, timeZone, WEEK_SUMMARY_READY_MINUTES);
}

export function assertMonday(date: LocalDate): void {
  if (isoWeekday(date) !== 1) throw new RangeError(`a week starts on a Monday, not ${date}`);
}

/** Mean of whole scores, rounded half up to one decimal; null when there is none. */
export function averageScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const s of scores) sum += s;
  const n = scores.length;
  return Math.floor((20 * sum + n) / (2 * n)) / 10;
}

/** A stored MemberDayScore row, as the summary reads it. */
export interface WeekDayRow {
  memberId: string;
  localDate: LocalDate;
  score: number | null;
  scoreNumerator: bigint | null;
  scoreDenominator: bigint | null;
  dueCount: number;
  consistency: number | null;
}

/** A stored HabitDayValue row, as the summary reads it. */
export interface WeekHabitDayRow {
  memberId: string;
  habitId: string;
  localDate: LocalDate;
  /** Stored rows are snapshots: a miss repaired later still reads `missed`. */
  state: "met" | "partial" | "missed" | "skipped" | "pending" | "not_due" | "repaired";
  streak: number;
}

export interface WeekInputs {
  workspace: { id: string; name: string; timeZone: string };
  weekStart: LocalDate;
  computedAt: Date;
  /** Active members, any role. */
  members: readonly { memberId: string; name: string; role: Role }[];
  /** MemberDayScore rows of weekStart − 7 … weekStart + 6 (the week and the one before). */
  days: readonly WeekDayRow[];
  /** (member, day) pairs of that window with an event other than undo. */
  activeDays: readonly { memberId: string; localDate: LocalDate }[];
  /** HabitDayValue rows of the week. */
  habitDays: readonly WeekHabitDayRow[];
  /** Per member, the derivation's state at the end of the week's latest checkpoint. */
  checkpoints: ReadonlyMap<string, DeriveState>;
  milestonesCompleted: ReadonlyMap<string, number>;
  goalsCompleted: ReadonlyMap<string, number>;
  habitTitles: ReadonlyMap<string, string>;
  /** Per member, the plans as loaded after the week (for the next week and the overdue). */
  plans: ReadonlyMap<string, PlanInput>;
}

const countOf = (map: ReadonlyMap<string, number>, key: string) => map.get(key) ?? 0;

/** Open tasks whose day in the plan in force on `today` is past and that were not done before. */
function overdueCount(plan: PlanInput, today: LocalDate, doneBefore: (id: string) => boolean) {
  let n = 0;
  for (const task of plan.tasks) {
    const dueOn = taskDueDateOn(task, today);
    if (dueOn !== null && dueOn < today && !doneBefore(task.id)) n++;
  }
  return n;
}

function memberWeek(
  inputs: WeekInputs,
  member: WeekInputs["members"][number],
  rows: readonly WeekDayRow[],
): MemberWeek {
  const { weekStart } = inputs;
  const weekEnd = addDays(weekStart, 6);
  const nextWeekStart = addDays(weekStart, 7);
  const inWeek = rows.filter((r) => r.localDate >= weekStart);
  const before = rows.filter((r) => r.localDate < weekStart);
  const scores = (list: readonly WeekDayRow[]) =>
    list.flatMap((r) => (r.score === null ? [] : [r.score]));

  const scoreByDay = Array.from({ length: 7 }, (_, i) => {
    const row = inWeek.find((r) => r.localDate === addDays(weekStart, i));
    return row?.score ?? null;
  });

  const habitRows = inputs.habitDays.filter((r) => r.memberId === member.memberId);
  const habitsOnStreak = habitRows.filter((r) => r.localDate === weekEnd && r.streak > 0).length;
  const occurrencesMet = habitRows.filter((r) => r.state === "met").length;
  const occurrencesFinished = habitRows.filter(
    (r) => r.state === "met" || r.state === "partial" || r.state === "missed",
  ).length;

  // Plans: the member's next week, from its Monday (their own local days).
  const plan = inputs.plans.get(member.memberId) ?? {
    habits: [],
    tasks: [],
    events: [],
    capacity: [],
  };
  const forecast = forecastLoad(plan, nextWeekStart);
  const planned = plannedItems(plan, nextWeekStart);
  const overloadedDays = forecast.days
    .filter((d) => d.level === "over" || d.level === "critical")
    .map((d) => d.localDate);

  // Problems: coach risk as the week ended (today = the next Monday).
  const state = inputs.checkpoints.get(member.memberId);
  const active = new Set(
    inputs.activeDays.filter((a) => a.memberId === member.memberId).map((a) => a.localDate),
  );
  const coachDays: CoachDay[] = rows.map((r) => ({
    localDate: r.localDate,
    score: r.score,
    scoreNumerator: r.scoreNumerator,
    scoreDenominator: r.scoreDenominator,
    hasItemsDue: r.dueCount > 0,
    hasActivity: active.has(r.localDate),
  }));
  const breaks: StreakBreak[] = [];
  const brokenStreaks: MemberWeek["brokenStreaks"] = [];
  for (const [habitId, track] of Object.entries(state?.habits ?? {})) {
    const { lastBreak, lastLongBreak } = track.streak;
    if (lastLongBreak) breaks.push(lastLongBreak);
    if (lastBreak && lastBreak.localDate >= weekStart && lastBreak.localDate <= weekEnd) {
      brokenStreaks.push({
        habitId,
        title: inputs.habitTitles.get(habitId) ?? "",
        length: lastBreak.length,
        localDate: lastBreak.localDate,
      });
    }
  }
  brokenStreaks.sort((a, b) => b.length - a.length || a.title.localeCompare(b.title));
  const lastRow = inWeek.filter((r) => r.consistency !== null).at(-1);
  const risk = coachRisk({
    memberId: member.memberId,
    name: member.name,
    today: nextWeekStart,
    days: coachDays,
    isOverloaded: forecast.isOverloaded,
    consistency: lastRow?.consistency ?? null,
    scoredDays: state?.scoredDays ?? 0,
    streakBreaks: breaks,
  });
  const index = indexEvents(plan.events);
  const doneBefore = (id: string) => {
    const doneOn = firstDoneDay(id, index.get(id));
    return doneOn !== null && doneOn < nextWeekStart;
  };

  return {
    memberId: member.memberId,
    name: member.name,
    role: member.role,
    averageScore: averageScore(scores(inWeek)),
    previousAverageScore: averageScore(scores(before)),
    scoredDays: scores(inWeek).length,
    scoreByDay,
    habitsOnStreak,
    occurrencesMet,
    occurrencesFinished,
    milestonesCompleted: countOf(inputs.milestonesCompleted, member.memberId),
    goalsCompleted: countOf(inputs.goalsCompleted, member.memberId),
    tasksDue: planned.tasksDue,
    habitOccurrences: planned.habitOccurrences,
    plannedMinutes: Math.round(forecast.days.reduce((sum, d) => sum + d.loadMinutes, 0)),
    capacityMinutes: forecast.days.reduce((sum, d) => sum + d.capacityMinutes, 0),
    overloadedDays,
    loadLevel: forecast.level,
    flags: risk.flags,
    riskScore: risk.riskScore,
    overdueTasks: overdueCount(plan, nextWeekStart, doneBefore),
    brokenStreaks,
  };
}

const byName = new Intl.Collator("en", { sensitivity: "base" });

export function buildWeekSummary(inputs: WeekInputs): WorkspaceWeekSummary {
  const { weekStart } = inputs;
  assertMonday(weekStart);
  const rowsOf = new Map<string, WeekDayRow[]>();
  for (const row of [...inputs.days].sort((a, b) => (a.localDate < b.localDate ? -1 : 1))) {
    const list = rowsOf.get(row.memberId) ?? [];
    list.push(row);
    rowsOf.set(row.memberId, list);
  }
  const members = inputs.members
    .map((m) => memberWeek(inputs, m, rowsOf.get(m.memberId) ?? []))
    .sort((a, b) => byName.compare(a.name, b.name) || (a.memberId < b.memberId ? -1 : 1));

  const sum = (pick: (m: MemberWeek) => number) => members.reduce((s, m) => s + pick(m), 0);
  const allScores = (from: LocalDate, to: LocalDate) =>
    inputs.days.flatMap((r) =>
      r.score !== null && r.localDate >= from && r.localDate <= to ? [r.score] : [],
    );
  const weekEnd = addDays(weekStart, 6);

  return {
    schemaVersion: WEEK_SUMMARY_SCHEMA_VERSION,
    workspace: inputs.workspace,
    weekStart,
    weekEnd,
    nextWeekStart: addDays(weekStart, 7),
    computedAt: inputs.computedAt.toISOString(),
    progress: {
      averageScore: averageScore(allScores(weekStart, weekEnd)),
      previousAverageScore: averageScore(allScores(addDays(weekStart, -7), addDays(weekStart, -1))),
      scoreByDay: Array.from({ length: 7 }, (_, i) => {
        const localDate = addDays(weekStart, i);
        return { localDate, averageScore: averageScore(allScores(localDate, localDate)) };
      }),
      habitsOnStreak: sum((m) => m.habitsOnStreak),
      occurrencesMet: sum((m) => m.occurrencesMet),
      occurrencesFinished: sum((m) => m.occurrencesFinished),
      milestonesCompleted: sum((m) => m.milestonesCompleted),
      goalsCompleted: sum((m) => m.goalsCompleted),
    },
    plans: {
      tasksDue: sum((m) => m.tasksDue),
      habitOccurrences: sum((m) => m.habitOccurrences),
      plannedMinutes: sum((m) => m.plannedMinutes),
      capacityMinutes: sum((m) => m.capacityMinutes),
      overloadedMembers: members.filter((m) => m.overloadedDays.length > 0).length,
    },
    problems: {
      flaggedMembers: members.filter((m) => m.flags.some((f) => f !== "recovering")).length,
      overdueTasks: sum((m) => m.overdueTasks),
      brokenStreaks: sum((m) => m.brokenStreaks.length),
    },
    members,
  };
}
