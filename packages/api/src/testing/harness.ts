/**
 * Integration-test harness: a private copy of the seeded database, the app-role client the API
 * runs on, an admin client to arrange and inspect rows, and callers acting as seeded people.
 */
import type { Session } from "@atlas/auth/session";
import { systemClock, type Clock } from "@atlas/time";
import type { InvitationDelivery } from "@atlas/core/services/workspaces/invitations";
import type { BillingPageDeps } from "@atlas/billing/portal/deps";
import { createPrismaClient, type Db, type EventSource } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import { inject } from "vitest";
import { adminRouter } from "../admin-router.ts";
import { appRouter } from "../app-router.ts";
import { createRateLimiter, RATE_LIMIT_BUCKETS, type RateLimiters } from "../rate-limit.ts";
import { createCallerFactory, createContextInner } from "../trpc.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

/** Seeded people (packages/seed/src/people.ts) by a short name. */
export const PEOPLE = {
  owner: "owner@atlas.local", // owner of demo
  coach: "coach@atlas.local", // coach in demo and second
  nora: "nora.newyork@atlas.local", // member of demo
  bernd: "bernd.berlin@atlas.local", // member of demo
  kenji: "kenji.tokyo@atlas.local", // member of demo
  sam: "sam.sydney@atlas.local", // member of demo and second
  priya: "owner.second@atlas.local", // owner of second
  staff: "staff@atlas.local", // Atlas staff (platform admin), member of no workspace
} as const;

export type Person = keyof typeof PEOPLE;
export type WorkspaceKey = "demo" | "second";

export interface Harness {
  database: TestDatabase;
  /** Owner/BYPASSRLS connection: arrange and inspect only, never what the API uses. */
  admin: Db;
  /** The application role (row-level security applies): what the API runs on. */
  app: Db;
  workspaceIds: Record<WorkspaceKey, string>;
  userIds: Record<Person, string>;
  limiter: RateLimiters;
  session(person: Person | string, workspace?: WorkspaceKey | null): Session;
  /** An appRouter caller; `workspace` is the session's active workspace (null: none). */
  as(person: Person | string, workspace?: WorkspaceKey | null, options?: CallOptions): AppCaller;
  /** An adminRouter caller; the session's active workspace plays no part there (default none). */
  asAdmin(
    person: Person | string,
    workspace?: WorkspaceKey | null,
    options?: CallOptions,
  ): AdminCaller;
  anonymous(): AppCaller;
  close(): Promise<void>;
}

interface CallOptions {
  clock?: Clock;
  limiter?: RateLimiters;
  /** Billing on: Stripe (the local fake in tests), the prices and the web app's URL. */
  billing?: BillingPageDeps | null;
  /** The app the call comes from (default: web for appRouter, admin for adminRouter). */
  source?: EventSource;
  /** Where invitations also go (production: Clerk); default none. */
  invitationDelivery?: InvitationDelivery;
  /** Told after a join (production: the seat sync); default none. */
  onMemberJoined?: (workspaceId: string) => void;
  /** The VAPID public key the server would hand browsers; default none (push off). */
  pushPublicKey?: string | null;
}

const appCaller = createCallerFactory(appRouter);
const adminCaller = createCallerFactory(adminRouter);
type AppCaller = ReturnType<typeof appCaller>;
type AdminCaller = ReturnType<typeof adminCaller>;

export async function createHarness(): Promise<Harness> {
  const database = await cloneTestDatabase(inject("testServer"));
  const admin = createPrismaClient(database.adminUrl);
  const app = createPrismaClient(database.appUrl);
  // Generous limits: suites other than the rate-limit one must never trip them.
  const limiter = createRateLimiter({
    buckets: Object.fromEntries(
      Object.keys(RATE_LIMIT_BUCKETS).map((b) => [b, { tokens: 10_000, windowMs: 60_000 }]),
    ),
  });

  const workspaces = await admin.workspace.findMany({ select: { id: true, slug: true } });
  const workspaceIds = Object.fromEntries(
    (["demo", "second"] as const).map((slug) => [
      slug,
      workspaces.find((w) => w.slug === slug)!.id,
    ]),
  ) as Record<WorkspaceKey, string>;
  const users = await admin.user.findMany({ select: { id: true, email: true } });
  const userIds = Object.fromEntries(
    Object.entries(PEOPLE).map(([key, email]) => [key, users.find((u) => u.email === email)!.id]),
  ) as Record<Person, string>;

  const userIdOf = (person: Person | string) =>
    person in userIds ? userIds[person as Person] : person;
  const session = (person: Person | string, workspace: WorkspaceKey | null = "demo"): Session => ({
    userId: userIdOf(person),
    workspaceId: workspace === null ? null : workspaceIds[workspace],
    via: "dev",
  });
  const context = (s: Session | null, source: EventSource, options: CallOptions = {}) =>
    createContextInner({
      session: s,
      source: options.source ?? source,
      db: app,
      clock: options.clock ?? systemClock,
      limiter: options.limiter ?? limiter,
      billing: options.billing,
      // The audited bypass client (memberships, invitations, platform admin): this database's admin.
      bypassDb: admin,
      invitationDelivery: options.invitationDelivery,
      onMemberJoined: options.onMemberJoined,
      pushPublicKey: options.pushPublicKey,
    });

  return {
    database,
    admin,
    app,
    workspaceIds,
    userIds,
    limiter,
    session,
    as: (person, workspace = "demo", options) =>
      appCaller(context(session(person, workspace), "web", options)),
    asAdmin: (person, workspace = null, options) =>
      adminCaller(context(session(person, workspace), "admin", options)),
    anonymous: () => appCaller(context(null, "web")),
    close: async () => {
      await Promise.all([admin.$disconnect(), app.$disconnect(), limiter.close()]);
      await database.drop();
    },
  };
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{
  code: string;
  message: string;
  cause?: unknown;
}> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; cause?: unknown };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}
