/**
 * The seed as plain data: everything is built in memory first (deterministically from `now`) and
 * written afterwards. Rows refer to each other by stable string keys; write.ts maps them to ids.
 */
import type { LocalDate } from "@atlas/time";
import type {
  CoachNoteVisibility,
  EventKind,
  EventSource,
  GoalStatus,
  HabitSchedule,
  MembershipRole,
  NotificationChannel,
  SubscriptionStatus,
  TargetDirection,
  TaskPriority,
  TaskStatus,
} from "@atlas/db";
import type { PlanId } from "@atlas/core";
import type { TimeSettingVersion } from "@atlas/time";

export type WorkspaceKey = "demo" | "second";

export interface UserSpec {
  key: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  createdAt: Date;
  settings: TimeSettingVersion[];
}

export interface WorkspaceSpec {
  key: WorkspaceKey;
  name: string;
  slug: string;
  defaultTimeZone: string;
  planKey: PlanId;
  lateEntryWindowDays: number;
  createdAt: Date;
  subscription?: { status: SubscriptionStatus; seats: number };
}

/** Minutes per ISO weekday, Monday first. */
export type WeekCapacity = [number, number, number, number, number, number, number];

export interface MembershipSpec {
  workspace: WorkspaceKey;
  user: string;
  role: MembershipRole;
  capacity: WeekCapacity;
  createdAt: Date;
}

export interface GoalSpec {
  key: string;
  workspace: WorkspaceKey;
  member: string;
  title: string;
  description: string;
  status: GoalStatus;
  targetDate: LocalDate | null;
  lifeArea: string | null;
  createdBy: string;
  createdAt: Date;
  milestones: { title: string; doneOn: LocalDate | null }[];
}

export interface TargetSpec {
  value: number;
  unit: string;
  direction: TargetDirection;
}

export interface HabitVersionSpec {
  effectiveFrom: LocalDate;
  schedule: HabitSchedule;
  daysOfWeek: number[];
  timesPerWeek: number | null;
  everyNDays: number | null;
  target: TargetSpec | null;
  durationMinutes: number;
  createdAt: Date;
}

export interface HabitSpec {
  key: string;
  workspace: WorkspaceKey;
  member: string;
  goal: string | null;
  title: string;
  startDate: LocalDate;
  /** Local day from which the habit is archived (not due from that day on). */
  archivedOn: LocalDate | null;
  archivedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  versions: HabitVersionSpec[];
}

export interface TaskVersionSpec {
  effectiveFrom: LocalDate;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: LocalDate | null;
  plannedDate: LocalDate | null;
  estimateMinutes: number;
  createdAt: Date;
}

export interface TaskSpec {
  key: string;
  workspace: WorkspaceKey;
  member: string;
  goal: string | null;
  title: string;
  notes: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  versions: TaskVersionSpec[];
}

export interface EventSpec {
  /** Also the row's idempotencyKey (unique per workspace). */
  key: string;
  workspace: WorkspaceKey;
  member: string;
  habit: string | null;
  task: string | null;
  kind: EventKind;
  value: number | null;
  localDate: LocalDate;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string;
  source: EventSource;
  note: string | null;
  /** Key of the event an undo reverts. */
  reverts: string | null;
  /** A coach's entry past the late-entry window (docs/domain.md "Late entries"). */
  isOverride?: boolean;
}

export interface CoachNoteSpec {
  workspace: WorkspaceKey;
  author: string;
  member: string;
  visibility: CoachNoteVisibility;
  body: string;
  createdAt: Date;
}

export interface NotificationSpec {
  workspace: WorkspaceKey;
  user: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, string | number>;
  channel: NotificationChannel;
  createdAt: Date;
  readAt: Date | null;
  sentAt: Date | null;
}

/** An audited action whose target is a seeded event (a coach's late-entry override). */
export interface AuditSpec {
  workspace: WorkspaceKey;
  actor: string;
  action: string;
  /** The member the event is for (written into metadata as memberId). */
  member: string;
  targetEvent: string;
  metadata: Record<string, string | number>;
  createdAt: Date;
}

export interface SeedData {
  now: Date;
  users: UserSpec[];
  workspaces: WorkspaceSpec[];
  memberships: MembershipSpec[];
  goals: GoalSpec[];
  habits: HabitSpec[];
  tasks: TaskSpec[];
  events: EventSpec[];
  coachNotes: CoachNoteSpec[];
  notifications: NotificationSpec[];
  audits: AuditSpec[];
}
