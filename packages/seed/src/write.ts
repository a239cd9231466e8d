/**
 * Writes the in-memory seed through the Prisma client (which fills the uuid(7) ids), mapping the
 * seed's string keys to ids as rows are created. Run inside one transaction.
 */
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import { columnsFromWeek } from "@atlas/core/services/plans/capacity-versions";
import type { PlanId } from "@atlas/core";
import type { Db } from "@atlas/db";
import type { EventSpec, SeedData, WorkspaceKey } from "./model.ts";
import { atHour, dbDate } from "./time.ts";

/** The client inside an interactive transaction of our own client type. */
export type SeedTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Tx = SeedTx;
type Ids = Map<string, string>;

/** createMany in chunks, well under PostgreSQL's 65535 bind parameters per statement. */
const CHUNK = 500;

function idOf(ids: Ids, key: string | null): string | null {
  if (key === null) return null;
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed: no id for ${key}`);
  return id;
}

function must(ids: Ids, key: string): string {
  return idOf(ids, key) as string;
}

async function writePeople(
  tx: Tx,
  data: SeedData,
  planIds: ReadonlyMap<PlanId, string>,
): Promise<{ users: Ids; workspaces: Map<WorkspaceKey, string> }> {
  const users: Ids = new Map();
  for (const u of data.users) {
    const row = await tx.user.create({
      data: {
        email: u.email,
        name: u.name,
        isPlatformAdmin: u.isPlatformAdmin,
        createdAt: u.createdAt,
        updatedAt: u.createdAt,
        timeSettings: {
          create: u.settings.map((s, i) => ({
            effectiveFrom: dbDate(s.effectiveFrom),
            timeZone: s.timeZone,
            dayStartMinutes: s.dayStartMinutes,
            // The first setting comes with the account; a later one was made on its own first day.
            createdAt: i === 0 ? u.createdAt : atHour(u.settings, s.effectiveFrom, 8),
          })),
        },
      },
    });
    users.set(u.key, row.id);
  }
  const workspaces = new Map<WorkspaceKey, string>();
  for (const w of data.workspaces) {
    const row = await tx.workspace.create({
      data: {
        name: w.name,
        slug: w.slug,
        defaultTimeZone: w.defaultTimeZone,
        lateEntryWindowDays: w.lateEntryWindowDays,
        planId: planIds.get(w.planKey)!,
        entitlements: entitlementsColumn(w.planKey),
        createdAt: w.createdAt,
        updatedAt: w.createdAt,
      },
    });
    workspaces.set(w.key, row.id);
    if (w.subscription) {
      await tx.subscription.create({
        data: {
          workspaceId: row.id,
          planId: planIds.get(w.planKey)!,
          status: w.subscription.status,
          seats: w.subscription.seats,
          createdAt: w.createdAt,
          updatedAt: w.createdAt,
        },
      });
    }
  }
  await tx.membership.createMany({
    data: data.memberships.map((m) => {
      return {
        workspaceId: workspaces.get(m.workspace) as string,
        userId: must(users, m.user),
        role: m.role,
        ...columnsFromWeek(m.capacity),
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
      };
    }),
  });
  return { users, workspaces };
}

/** Goals, habits and tasks (one create each, to learn the id), their versions and milestones. */
async function writePlansOfWork(
  tx: Tx,
  data: SeedData,
  users: Ids,
  workspaces: Map<WorkspaceKey, string>,
): Promise<Ids> {
  const items: Ids = new Map();
  for (const g of data.goals) {
    const workspaceId = workspaces.get(g.workspace) as string;
    const row = await tx.goal.create({
      data: {
        workspaceId,
        memberId: must(users, g.member),
        title: g.title,
        description: g.description,
        status: g.status,
        targetDate: g.targetDate === null ? null : dbDate(g.targetDate),
        lifeArea: g.lifeArea,
        createdById: must(users, g.createdBy),
        createdAt: g.createdAt,
        updatedAt: g.createdAt,
      },
    });
    items.set(g.key, row.id);
    if (g.milestones.length > 0) {
      await tx.milestone.createMany({
        data: g.milestones.map((m, position) => ({
          workspaceId,
          goalId: row.id,
          position,
          title: m.title,
          doneOn: m.doneOn === null ? null : dbDate(m.doneOn),
          createdAt: g.createdAt,
          updatedAt: g.createdAt,
        })),
      });
    }
  }
  for (const h of data.habits) {
    const workspaceId = workspaces.get(h.workspace) as string;
    const row = await tx.habit.create({
      data: {
        workspaceId,
        memberId: must(users, h.member),
        goalId: idOf(items, h.goal),
        title: h.title,
        startDate: dbDate(h.startDate),
        archivedAt: h.archivedAt,
        createdById: must(users, h.createdBy),
        createdAt: h.createdAt,
        updatedAt: h.updatedAt,
      },
    });
    items.set(h.key, row.id);
    await tx.habitVersion.createMany({
      data: h.versions.map((v) => ({
        workspaceId,
        habitId: row.id,
        effectiveFrom: dbDate(v.effectiveFrom),
        schedule: v.schedule,
        daysOfWeek: v.daysOfWeek,
        timesPerWeek: v.timesPerWeek,
        everyNDays: v.everyNDays,
        targetValue: v.target?.value ?? null,
        targetUnit: v.target?.unit ?? null,
        targetDirection: v.target?.direction ?? null,
        durationMinutes: v.durationMinutes,
        createdAt: v.createdAt,
        updatedAt: v.createdAt,
      })),
    });
  }
  for (const t of data.tasks) {
    const workspaceId = workspaces.get(t.workspace) as string;
    const row = await tx.task.create({
      data: {
        workspaceId,
        memberId: must(users, t.member),
        goalId: idOf(items, t.goal),
        title: t.title,
        notes: t.notes,
        createdById: must(users, t.createdBy),
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      },
    });
    items.set(t.key, row.id);
    await tx.taskVersion.createMany({
      data: t.versions.map((v) => ({
        workspaceId,
        taskId: row.id,
        effectiveFrom: dbDate(v.effectiveFrom),
        status: v.status,
        priority: v.priority,
        dueDate: v.dueDate === null ? null : dbDate(v.dueDate),
        plannedDate: v.plannedDate === null ? null : dbDate(v.plannedDate),
        estimateMinutes: v.estimateMinutes,
        createdAt: v.createdAt,
        updatedAt: v.createdAt,
      })),
    });
  }
  return items;
}

/**
 * Events in two passes: everything but undos (learning their ids by idempotency key), then the
 * undos, whose revertsId must name an existing event (the database checks the target).
 */
async function writeEvents(
  tx: Tx,
  data: SeedData,
  users: Ids,
  workspaces: Map<WorkspaceKey, string>,
  items: Ids,
): Promise<Ids> {
  // Seed keys name their workspace ("seed/demo/..."), so they are unique across workspaces too.
  const eventIds: Ids = new Map();
  const row = (e: EventSpec) => ({
    workspaceId: workspaces.get(e.workspace) as string,
    memberId: must(users, e.member),
    habitId: idOf(items, e.habit),
    taskId: idOf(items, e.task),
    kind: e.kind,
    value: e.value,
    localDate: dbDate(e.localDate),
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    recordedById: must(users, e.recordedBy),
    source: e.source,
    idempotencyKey: e.key,
    note: e.note,
    revertsId: idOf(eventIds, e.reverts),
    isOverride: e.isOverride ?? false,
  });
  const byRecordedAt = (a: EventSpec, b: EventSpec) =>
    a.recordedAt.getTime() - b.recordedAt.getTime();
  const passes = [
    data.events.filter((e) => e.kind !== "undo").sort(byRecordedAt),
    data.events.filter((e) => e.kind === "undo").sort(byRecordedAt),
  ];
  for (const events of passes) {
    for (let i = 0; i < events.length; i += CHUNK) {
      const created = await tx.executionEvent.createManyAndReturn({
        data: events.slice(i, i + CHUNK).map(row),
        select: { id: true, idempotencyKey: true },
      });
      for (const c of created) eventIds.set(c.idempotencyKey, c.id);
    }
  }
  return eventIds;
}

async function writeCoaching(
  tx: Tx,
  data: SeedData,
  users: Ids,
  workspaces: Map<WorkspaceKey, string>,
  events: Ids,
): Promise<void> {
  await tx.coachNote.createMany({
    data: data.coachNotes.map((n) => ({
      workspaceId: workspaces.get(n.workspace) as string,
      authorId: must(users, n.author),
      memberId: must(users, n.member),
      visibility: n.visibility,
      body: n.body,
      createdAt: n.createdAt,
      updatedAt: n.createdAt,
    })),
  });
  await tx.notification.createMany({
    data: data.notifications.map((n) => ({
      workspaceId: workspaces.get(n.workspace) as string,
      userId: must(users, n.user),
      kind: n.kind,
      title: n.title,
      body: n.body,
      data: n.data,
      channel: n.channel,
      createdAt: n.createdAt,
      readAt: n.readAt,
      sentAt: n.sentAt,
    })),
  });
  await tx.auditLog.createMany({
    data: data.audits.map((a) => ({
      workspaceId: workspaces.get(a.workspace) as string,
      actorUserId: must(users, a.actor),
      action: a.action,
      targetType: "ExecutionEvent",
      targetId: must(events, a.targetEvent),
      metadata: { ...a.metadata, memberId: must(users, a.member) },
      createdAt: a.createdAt,
    })),
  });
}

/** Writes everything; `planIds`: the catalog's rows (syncPlanCatalog). Returns the demo workspace's id. */
export async function writeSeedData(
  tx: Tx,
  data: SeedData,
  planIds: ReadonlyMap<PlanId, string>,
): Promise<string> {
  const { users, workspaces } = await writePeople(tx, data, planIds);
  const items = await writePlansOfWork(tx, data, users, workspaces);
  const events = await writeEvents(tx, data, users, workspaces, items);
  await writeCoaching(tx, data, users, workspaces, events);
  return workspaces.get("demo") as string;
}
