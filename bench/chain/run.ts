/**
 * The procedure chain, step by step: `pnpm --filter @atlas/bench chain`.
 *
 * In one process, against a private clone of the seeded database, runs each step of a signed-in
 * call ITERATIONS times in a row (after a warm-up) and prints wall and CPU microseconds per call:
 * the dev session read (cookie verify + server-side session check), building the tenant client,
 * the workspace and console checks (one plain query each), a trivial query with and without a
 * tenant transaction, and whole calls through createCaller (an authed procedure, the cheapest
 * workspace procedure). The machine is shared:
 * compare the rows of one run, not runs.
 */
import { cpus } from "node:os";
import { getSession } from "@atlas/auth";
import { authEnv } from "@atlas/auth/env";
import { issueDevSession, openDevSession, readDevSession } from "@atlas/auth/dev/session";
import { appRouter } from "@atlas/api/app-router";
import { PERMISSIONS } from "@atlas/api/permissions";
import { createRateLimiter } from "@atlas/api/rate-limit";
import { createCallerFactory, createContextInner } from "@atlas/api/trpc";
import { consoleContext, createPrismaClient, createTenantDb, memberContext } from "@atlas/db";
import { cloneTestDatabase, startTestServer } from "@atlas/db/testing";
import { seed } from "@atlas/seed";

const ITERATIONS = Number(process.env.BENCH_CHAIN_ITERATIONS ?? 2000);
const WARMUP = Math.min(200, ITERATIONS);
const SECRET = "bench-chain-dev-session-secret-0123456789";

async function measure(name: string, step: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await step();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await step();
  const wallUs = ((performance.now() - started) * 1000) / ITERATIONS;
  const used = process.cpuUsage(cpu);
  const cpuUs = (used.user + used.system) / ITERATIONS;
  console.log(
    `${name.padEnd(48)} ${wallUs.toFixed(0).padStart(7)} µs wall ${cpuUs.toFixed(0).padStart(7)} µs CPU`,
  );
}

const server = await startTestServer({ seed });
try {
  const database = await cloneTestDatabase(server);
  const app = createPrismaClient(database.appUrl);
  const admin = createPrismaClient(database.adminUrl);
  const env = {
    ATLAS_MODE: "test",
    ATLAS_DEV_SESSION_SECRET: SECRET,
    DATABASE_URL: database.appUrl,
    DATABASE_ADMIN_URL: database.adminUrl,
  };
  const owner = await admin.user.findFirstOrThrow({
    where: { email: "owner@atlas.local" },
    select: { id: true, memberships: { select: { workspaceId: true }, take: 1 } },
  });
  const userId = owner.id;
  const workspaceId = owner.memberships[0]!.workspaceId;
  const sessionId = await openDevSession(userId, env, app);
  const token = await issueDevSession({ userId, workspaceId, sessionId }, SECRET);
  const request = new Request("http://127.0.0.1/api/trpc", {
    headers: { cookie: `atlas_dev_session=${encodeURIComponent(token)}` },
  });
  const session = { userId, workspaceId, via: "dev" as const };
  const limiter = createRateLimiter();
  const caller = createCallerFactory(appRouter);
  const call = () => caller(createContextInner({ session, db: app, limiter, source: "web" }));

  console.log(`chain: ${ITERATIONS} calls per row, ${cpus().length} CPUs (${cpus()[0]?.model})`);
  await measure("session read (getSession, dev cookie)", () =>
    getSession(request, env, { devSessionDb: app }),
  );
  await measure("  of which: cookie verify (readDevSession)", () => readDevSession(token, SECRET));
  await measure("  of which: auth env (authEnv)", async () => authEnv(env));
  await measure("tenant client (createTenantDb)", async () =>
    createTenantDb(app, { workspaceId, userId }),
  );
  await measure("workspace check (memberContext, one plain query)", () =>
    memberContext(app, { userId, workspaceId }),
  );
  await measure("console check (consoleContext, one plain query)", () =>
    consoleContext(app, userId, PERMISSIONS.adminConsole.roles),
  );
  await measure("trivial query, no tenant client (RLS: no rows)", () =>
    app.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } }),
  );
  await measure("trivial query in a tenant transaction", () =>
    createTenantDb(app, { workspaceId, userId }).$transaction((tx) =>
      tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } }),
    ),
  );
  await measure("authed call (me.settings.get)", () => call().me.settings.get());
  await measure("workspace call (workspace.current)", () => call().workspace.current());
  await app.$disconnect();
  await admin.$disconnect();
} finally {
  await server.stop();
}
