/**
 * Builds the whole seed in memory from `now`: same `now`, same data (ids are added on write).
 */
import { createRng, planLimit, snapshotOf } from "@atlas/core";
import { addDays, type LocalDate } from "@atlas/time";
import { habitEvents, taskEvents, type MemberLog } from "./events.ts";
import type {
  AuditSpec,
  CoachNoteSpec,
  EventSpec,
  GoalSpec,
  HabitSpec,
  HabitVersionSpec,
  NotificationSpec,
  SeedData,
  TaskSpec,
  TaskVersionSpec,
  UserSpec,
  WorkspaceSpec,
} from "./model.ts";
import { buildMemberships, buildUsers, buildWorkspaces, todayOf, userByKey } from "./people.ts";
import { MEMBER_PLANS, type HabitTemplate, type MemberPlan, type TaskTemplate } from "./plans.ts";
import { atHour } from "./time.ts";

/** Where one member's plan lives: the member, their today and key prefix. */
interface PlanContext {
  plan: MemberPlan;
  member: UserSpec;
  today: LocalDate;
  prefix: string;
}

function dayOf(ctx: PlanContext, offset: number): LocalDate {
  return addDays(ctx.today, offset);
}

/** An instant `hours` after the start of the member's day `offset` (plans are made mid-morning). */
function timeOf(ctx: PlanContext, offset: number, hours = 7): Date {
  return atHour(ctx.member.settings, dayOf(ctx, offset), hours);
}

function goalKey(ctx: PlanContext, key: string | null): string | null {
  return key === null ? null : `${ctx.prefix}/goal/${key}`;
}

function buildGoals(ctx: PlanContext): GoalSpec[] {
  return ctx.plan.goals.map((g) => ({
    key: `${ctx.prefix}/goal/${g.key}`,
    workspace: ctx.plan.workspace,
    member: ctx.member.key,
    title: g.title,
    description: g.description,
    status: g.status,
    targetDate: g.targetOn === null ? null : dayOf(ctx, g.targetOn),
    lifeArea: g.lifeArea,
    createdBy: ctx.member.key,
    createdAt: timeOf(ctx, g.createdOn, 6),
    milestones: g.milestones.map((m) => ({
      title: m.title,
      doneOn: m.doneOn === null ? null : dayOf(ctx, m.doneOn),
    })),
  }));
}

/** A habit with its first version from its start day and, if edited, a second one. */
function buildHabit(ctx: PlanContext, t: HabitTemplate): HabitSpec {
  const startDate = dayOf(ctx, t.createdOn);
  const first: HabitVersionSpec = {
    effectiveFrom: startDate,
    ...t.schedule,
    target: t.target,
    durationMinutes: t.durationMinutes,
    createdAt: timeOf(ctx, t.createdOn),
  };
  const versions = [first];
  for (const edit of ctx.plan.edits.filter((e) => e.habit === t.key)) {
    const previous = versions[versions.length - 1] as HabitVersionSpec;
    // effectiveFrom = the member's local today at the time of the edit.
    versions.push({
      ...previous,
      ...edit.set,
      effectiveFrom: dayOf(ctx, edit.on),
      createdAt: timeOf(ctx, edit.on, 9),
    });
  }
  const archive = ctx.plan.archive?.habit === t.key ? ctx.plan.archive.on : null;
  const last = versions[versions.length - 1] as HabitVersionSpec;
  const archivedAt = archive === null ? null : timeOf(ctx, archive, 10);
  return {
    key: `${ctx.prefix}/habit/${t.key}`,
    workspace: ctx.plan.workspace,
    member: ctx.member.key,
    goal: goalKey(ctx, t.goal),
    title: t.title,
    startDate,
    archivedOn: archive === null ? null : dayOf(ctx, archive),
    archivedAt,
    createdBy: ctx.member.key,
    createdAt: first.createdAt,
    updatedAt: archivedAt ?? last.createdAt,
    versions,
  };
}

/** A task's versions: created, then rescheduled / cancelled / started where the template says. */
function buildTask(ctx: PlanContext, t: TaskTemplate): TaskSpec {
  const first: TaskVersionSpec = {
    effectiveFrom: dayOf(ctx, t.createdOn),
    status: "todo",
    priority: t.priority,
    dueDate: t.dueOn === null ? null : dayOf(ctx, t.dueOn),
    plannedDate: t.plannedOn === null ? null : dayOf(ctx, t.plannedOn),
    estimateMinutes: t.estimateMinutes,
    createdAt: timeOf(ctx, t.createdOn),
  };
  const versions = [first];
  const edit = (on: number, change: Partial<TaskVersionSpec>): void => {
    const previous = versions[versions.length - 1] as TaskVersionSpec;
    versions.push({
      ...previous,
      ...change,
      effectiveFrom: dayOf(ctx, on),
      createdAt: timeOf(ctx, on, 8),
    });
  };
  // Missed on its planned day, moved the next morning: the old day keeps its 0.
  if (t.reschedule && t.plannedOn !== null)
    edit(t.plannedOn + 1, { plannedDate: dayOf(ctx, t.reschedule.to) });
  if (t.cancelOn !== undefined) edit(t.cancelOn, { status: "cancelled" });
  if (t.startOn !== undefined) edit(t.startOn, { status: "in_progress" });
  const creator = t.byCoach ? "coach" : ctx.member.key;
  return {
    key: `${ctx.prefix}/task/${t.key}`,
    workspace: ctx.plan.workspace,
    member: ctx.member.key,
    goal: goalKey(ctx, t.goal),
    title: t.title,
    notes: t.byCoach ? "Added by your coach." : "",
    createdBy: creator,
    createdAt: first.createdAt,
    updatedAt: (versions[versions.length - 1] as TaskVersionSpec).createdAt,
    versions,
  };
}

// ---------------------------------------------------------------------------------------------
// Late entries: days kept empty by the generator, filled afterwards.

interface LateEntry {
  workspace: MemberPlan["workspace"];
  member: string;
  habit: string;
  /** The day the entry is for, and the (later) day it was recorded on, relative to today. */
  forDay: number;
  recordedOn: number;
  byCoach: boolean;
  note: string;
}

/** Nora logs 3 days late herself (inside the 7-day window); the coach backfills Bernd 9 days late. */
const LATE_ENTRIES: readonly LateEntry[] = [
  {
    workspace: "demo",
    member: "nora",
    habit: "meditate",
    forDay: -4,
    recordedOn: -1,
    byCoach: false,
    note: "Forgot to log it that evening.",
  },
  {
    workspace: "demo",
    member: "bernd",
    habit: "meditate",
    forDay: -10,
    recordedOn: -1,
    byCoach: true,
    note: "Backfilled by coach from Bernd's paper log.",
  },
];

/**
 * The client omits occurredAt and names the earlier localDate, so occurredAt is the server's now
 * at recording time (= recordedAt), on a later local day than localDate.
 */
function lateEntryEvent(ctx: PlanContext, entry: LateEntry): EventSpec {
  const recordedAt = atHour(ctx.member.settings, dayOf(ctx, entry.recordedOn), 16);
  const habit = `${ctx.prefix}/habit/${entry.habit}`;
  const localDate = dayOf(ctx, entry.forDay);
  return {
    key: `seed/${ctx.plan.workspace}/${ctx.member.key}/habit/${entry.habit}/${localDate}/late`,
    workspace: ctx.plan.workspace,
    member: ctx.member.key,
    habit,
    task: null,
    kind: "done",
    value: null,
    localDate,
    occurredAt: recordedAt,
    recordedAt,
    recordedBy: entry.byCoach ? "coach" : ctx.member.key,
    source: entry.byCoach ? "admin" : "web",
    note: entry.note,
    reverts: null,
    isOverride: entry.byCoach,
  };
}

// ---------------------------------------------------------------------------------------------

/** The seeded log keeps within the plan's skip allowance (both seeded workspaces have one). */
function skipLimit(workspace: WorkspaceSpec): number {
  const limit = planLimit(snapshotOf(workspace.planKey), "skipsPerMonth");
  if (limit === null) throw new Error(`plan ${workspace.planKey} has no skip limit`);
  return limit;
}

function planContext(plan: MemberPlan, users: readonly UserSpec[], now: Date): PlanContext {
  const member = userByKey(users, plan.member);
  return { plan, member, today: todayOf(member, now), prefix: `${plan.workspace}/${member.key}` };
}

/** One member's goals, habits, tasks and log. */
function buildMemberPlan(ctx: PlanContext, workspace: WorkspaceSpec, now: Date) {
  const goals = buildGoals(ctx);
  const habits = ctx.plan.habits.map((t) => buildHabit(ctx, t));
  const tasks = ctx.plan.tasks.map((t) => buildTask(ctx, t));
  const late = LATE_ENTRIES.filter(
    (e) => e.workspace === ctx.plan.workspace && e.member === ctx.member.key,
  );
  const log: MemberLog = {
    workspace: ctx.plan.workspace,
    member: ctx.member,
    behaviour: ctx.plan.behaviour,
    today: ctx.today,
    now,
    skipLimit: skipLimit(workspace),
    sources: ctx.plan.sources ?? {},
    reserved: new Set(late.map((e) => `${ctx.prefix}/habit/${e.habit}|${dayOf(ctx, e.forDay)}`)),
    skipsUsed: new Map(),
  };
  const events: EventSpec[] = [];
  for (const habit of habits) events.push(...habitEvents(log, createRng(habit.key), habit));
  ctx.plan.tasks.forEach((t, i) => {
    const task = tasks[i] as TaskSpec;
    events.push(...taskEvents(log, createRng(task.key), task, t.outcome));
  });
  events.push(...late.map((e) => lateEntryEvent(ctx, e)));
  const audits: AuditSpec[] = late
    .filter((e) => e.byCoach)
    .map((e) => {
      const event = lateEntryEvent(ctx, e);
      return {
        workspace: ctx.plan.workspace,
        actor: "coach",
        action: "event.late_entry_override",
        targetEvent: event.key,
        member: ctx.member.key,
        metadata: {
          localDate: event.localDate,
          daysLate: e.recordedOn - e.forDay,
          windowDays: workspace.lateEntryWindowDays,
        },
        createdAt: event.recordedAt,
      };
    });
  return { goals, habits, tasks, events, audits };
}

/** A few coach notes (one private, the rest shared) and notifications. */
function buildCoaching(
  users: readonly UserSpec[],
  now: Date,
): { coachNotes: CoachNoteSpec[]; notifications: NotificationSpec[] } {
  const coach = userByKey(users, "coach");
  const coachToday = todayOf(coach, now);
  const at = (offset: number, hours: number) =>
    atHour(coach.settings, addDays(coachToday, offset), hours);
  const coachNotes: CoachNoteSpec[] = [
    {
      workspace: "demo",
      author: "coach",
      member: "bernd",
      visibility: "private",
      body: "Scores sliding for two weeks. Ask about workload before suggesting anything.",
      createdAt: at(-2, 10),
    },
    {
      workspace: "demo",
      author: "coach",
      member: "kenji",
      visibility: "shared",
      body: "Great first month! Part-time weeks are short, so keep the plan light on Fridays.",
      createdAt: at(-20, 11),
    },
    {
      workspace: "second",
      author: "coach",
      member: "sam",
      visibility: "shared",
      body: "Nice rhythm on code reviews. Let's plan the RFC together next week.",
      createdAt: at(-5, 9),
    },
  ];
  const notifications: NotificationSpec[] = [
    {
      workspace: "demo",
      user: "kenji",
      kind: "coach_note.shared",
      title: "New note from your coach",
      body: "Carlos Coach shared a note with you.",
      data: { authorKey: "coach" },
      channel: "in_app",
      createdAt: at(-20, 11),
      readAt: at(-19, 12),
      sentAt: null,
    },
    {
      workspace: "demo",
      user: "coach",
      kind: "risk.slipping",
      title: "Bernd Becker is slipping",
      body: "Scores have dropped over the last 14 days.",
      data: { memberKey: "bernd" },
      channel: "in_app",
      createdAt: at(-1, 8),
      readAt: null,
      sentAt: null,
    },
  ];
  return { coachNotes, notifications };
}

export function buildSeedData(now: Date): SeedData {
  const users = buildUsers(now);
  const workspaces = buildWorkspaces(users);
  const memberships = buildMemberships(users, workspaces);
  const data: SeedData = {
    now,
    users,
    workspaces,
    memberships,
    goals: [],
    habits: [],
    tasks: [],
    events: [],
    audits: [],
    ...buildCoaching(users, now),
  };
  for (const plan of MEMBER_PLANS) {
    const workspace = workspaces.find((w) => w.key === plan.workspace) as WorkspaceSpec;
    const part = buildMemberPlan(planContext(plan, users, now), workspace, now);
    data.goals.push(...part.goals);
    data.habits.push(...part.habits);
    data.tasks.push(...part.tasks);
    data.events.push(...part.events);
    data.audits.push(...part.audits);
  }
  return data;
}
