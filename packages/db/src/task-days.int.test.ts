/**
 * Stored task days (migration 20261205093000_stored_task_days, docs/architecture.md "Stored task
 * days"): the database keeps Task.doneOn and Task.lastDueOn as the log and the versions change,
 * and the app role cannot write them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./client.ts";
import { createTenantDb, type TenantDb } from "./tenant.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";
import { providedTestServer } from "./testing/vitest.ts";

const server = providedTestServer();

let database: TestDatabase;
let admin: Db;
let app: Db;
let db: TenantDb;
let workspaceId: string;
let memberId: string;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

async function newTask(versions: { from: string; due?: string; planned?: string }[]) {
  const task = await db.task.create({
    data: { workspaceId, memberId, title: "Write the report", createdById: memberId },
  });
  for (const v of versions) {
    await db.taskVersion.create({
      data: {
        workspaceId,
        taskId: task.id,
        effectiveFrom: day(v.from),
        dueDate: v.due ? day(v.due) : null,
        plannedDate: v.planned ? day(v.planned) : null,
      },
    });
  }
  return task.id;
}

async function entry(taskId: string, kind: "done" | "undo", on: string, reverts?: string) {
  const event = await db.executionEvent.create({
    data: {
      workspaceId,
      memberId,
      taskId,
      kind,
      localDate: day(on),
      occurredAt: day(on),
      revertsId: reverts ?? null,
      source: "web",
      recordedById: memberId,
      idempotencyKey: randomUUID(),
    },
  });
  return event.id;
}

const kept = async (taskId: string) => {
  const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
  return { doneOn: iso(task.doneOn), lastDueOn: iso(task.lastDueOn) };
};

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  workspaceId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  memberId = (await admin.membership.findFirstOrThrow({ where: { workspaceId, role: "member" } }))
    .userId;
  db = createTenantDb(app, { workspaceId, userId: memberId });
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("Task.lastDueOn", () => {
  it("is the latest planned (else due) day of any version, also when a later version moves it back", async () => {
    const taskId = await newTask([
      { from: "2026-03-01", due: "2026-03-10" },
      { from: "2026-03-05", due: "2026-03-10", planned: "2026-03-20" },
      { from: "2026-03-08", due: "2026-03-09" },
    ]);
    expect((await kept(taskId)).lastDueOn).toBe("2026-03-20");
    expect((await kept(await newTask([{ from: "2026-03-01" }]))).lastDueOn).toBeNull();
  });
});

describe("Task.doneOn", () => {
  it("is the day of the done entry that no undo reverts", async () => {
    const taskId = await newTask([{ from: "2026-04-01", due: "2026-04-10" }]);
    expect((await kept(taskId)).doneOn).toBeNull();
    const first = await entry(taskId, "done", "2026-04-03");
    expect((await kept(taskId)).doneOn).toBe("2026-04-03");
    await entry(taskId, "undo", "2026-04-03", first);
    expect((await kept(taskId)).doneOn).toBeNull();
    await entry(taskId, "done", "2026-04-05");
    expect((await kept(taskId)).doneOn).toBe("2026-04-05");
  });

  it("returns to null when the only entry is undone", async () => {
    const taskId = await newTask([{ from: "2026-04-01", due: "2026-04-02" }]);
    const done = await entry(taskId, "done", "2026-04-02");
    await entry(taskId, "undo", "2026-04-02", done);
    expect((await kept(taskId)).doneOn).toBeNull();
  });
});

describe("the app role", () => {
  it("cannot write either day, though it edits a task's title", async () => {
    const taskId = await newTask([{ from: "2026-05-01", due: "2026-05-02" }]);
    await db.task.update({ where: { id: taskId }, data: { title: "Renamed" } });
    await expect(
      db.task.update({ where: { id: taskId }, data: { doneOn: day("2026-05-01") } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.task.update({ where: { id: taskId }, data: { lastDueOn: day("2030-01-01") } }),
    ).rejects.toThrow(/permission denied/);
  });
});
