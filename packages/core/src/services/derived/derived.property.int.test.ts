/**
 * Incremental = full, through the database (docs/domain.md "Derived values": recomputing any range equals the
 * incremental result): random plans and logs for fresh members are written one by one (Prisma,
 * admin role) with `refreshDerived` after each write and the hourly close now and then (app role);
 * the stored rows then equal a full `recomputeMember`, and a pure full run of the engine; and the
 * reads (Today, the dashboard, each habit's page), resumed from the checkpoint and the stored
 * rows, equal the same reads derived from the whole history. Each history is replayable from its
 * seed.
 */
import { createPrismaClient, createTenantDb, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { addDays } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeMember } from "./derived.ts";
import { expectedRows, storedRows } from "./testing/expected.ts";
import { readsBothWays } from "./testing/reads.ts";
import { simulateMember } from "./testing/simulate.ts";

const HISTORIES = Number(process.env.ATLAS_PROPERTY_RUNS ?? 50);
const FIRST_SEED = Number(process.env.ATLAS_PROPERTY_SEED ?? 1);
const PARALLEL = 6;

let database: TestDatabase;
let admin: Db;
let app: Db;
let planId: string;

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl, { max: PARALLEL + 2 });
  app = createPrismaClient(database.appUrl, { max: PARALLEL + 2 });
  planId = (await admin.plan.findFirstOrThrow({ where: { key: "self_hosted" } })).id;
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

/** Resumed reads equal full ones; returns whether they had a checkpoint to resume from. */
async function checkReads(scope: { workspaceId: string; memberId: string }, now: Date, at: string) {
  const reads = await readsBothWays({ admin, app }, scope, now);
  expect(reads.resumed.today, `Today, ${at}`).toEqual(reads.full.today);
  expect(reads.resumed.dashboard, `dashboard, ${at}`).toEqual(reads.full.dashboard);
  expect(reads.resumed.habits, `habit pages, ${at}`).toEqual(reads.full.habits);
  return reads.checkpoints > 0;
}

let resumedReads = 0;

async function checkHistory(seed: number) {
  let intermediate = 0;
  const sim = await simulateMember({
    admin,
    app,
    planId,
    seed,
    // Now and then, mid-history: today's row "as of now" and every earlier row match a full run.
    onWrite: async (now, scope) => {
      if ((seed + ++intermediate) % 23 !== 0) return;
      const db = createTenantDb(app, { workspaceId: scope.workspaceId, userId: null });
      const expected = await expectedRows(db, scope, now);
      const stored = await storedRows(db, scope);
      expect(stored.memberDays, `seed ${seed} at ${now.toISOString()}`).toEqual(
        expected.memberDays,
      );
      expect(stored.habitDays, `seed ${seed} at ${now.toISOString()}`).toEqual(expected.habitDays);
      if (await checkReads(scope, now, `seed ${seed} at ${now.toISOString()}`)) resumedReads++;
    },
  });
  const db = createTenantDb(app, { workspaceId: sim.workspaceId, userId: null });
  const incremental = await storedRows(db, sim);

  const pure = await expectedRows(db, sim, sim.now, (today) => addDays(today, -1));
  const write = await recomputeMember(db, { ...sim, now: sim.now, to: addDays(pure.today, -1) });
  const full = await storedRows(db, sim);

  const context = `seed ${seed} (${sim.writes} writes)`;
  expect(write?.memberDays, context).toBe(full.memberDays.length);
  expect(incremental.memberDays, context).toEqual(full.memberDays);
  expect(incremental.habitDays, context).toEqual(full.habitDays);
  expect(full.memberDays, context).toEqual(pure.memberDays);
  expect(full.habitDays, context).toEqual(pure.habitDays);
  expect(full.closed, context).toEqual(incremental.closed);
  if (await checkReads(sim, sim.now, context)) resumedReads++;
  return { writes: sim.writes, rows: full.memberDays.length + full.habitDays.length };
}

describe("derived rows through the database", () => {
  it(`incremental refreshes and closes equal a full recompute on ${HISTORIES} random histories`, async () => {
    const seeds = Array.from({ length: HISTORIES }, (_, i) => FIRST_SEED + i);
    let writes = 0;
    let rows = 0;
    const queue = [...seeds];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
          const result = await checkHistory(seed);
          writes += result.writes;
          rows += result.rows;
        }
      }),
    );
    expect(writes).toBeGreaterThan(HISTORIES * 20);
    expect(rows).toBeGreaterThan(HISTORIES * 30);
    // Most reads resumed from a checkpoint (the rest derived a history too young to have one).
    expect(resumedReads).toBeGreaterThan(HISTORIES / 2);
  });
});
