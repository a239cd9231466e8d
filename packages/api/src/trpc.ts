/**
 * tRPC's root, the request context and the procedure chain (docs/architecture.md "Request flow"):
 *
 *   publicProcedure   errors mapped (AppError → TRPCError); at most CALLS_AT_ONCE_PER_REQUEST
 *                     calls of one request run at once; any NUL character in the input refused
 *   authedProcedure   a session, else UNAUTHORIZED; ctx.db = a client bound to the user only
 *   workspaceProcedure  the workspace of the route parameter `workspaceId`, else the session's;
 *                     membership checked in one plain query (FORBIDDEN otherwise); ctx.db = bound
 *                     to workspace + user; a mutation of a read-only workspace refused
 *                     (PAYMENT_REQUIRED, the dunning ladder) unless WRITES_WHILE_READ_ONLY allows it
 *   .use(allowedTo(capability))  the permission table (permissions.ts)
 *   .use(entitled(feature))   the workspace's entitlement snapshot (PAYMENT_REQUIRED "Your plan (…)
 *                     does not include …: the … plan does.")
 *   .use(billingAllows(action))  the dunning ladder: invitations pause after 7 days past due
 *                     (PAYMENT_REQUIRED); the AI planner checks the same in core, for jobs too
 *   .use(rateLimited(bucket)) per user and bucket (TOO_MANY_REQUESTS with the retry time)
 *
 * Named builders for common combinations sit at the end (cal.com style). The workspace never
 * comes from a header: only the session or a route parameter that is then checked.
 */
import type { Session } from "@atlas/auth/session";
import {
  AppError,
  assertBillingAllows,
  can,
  isEntitled,
  notEntitledMessage,
  type BillingAction,
  type CapabilityName,
  type EntitlementSnapshot,
  type PlanFeature,
  type Role,
} from "@atlas/core";
import { systemClock, type Clock } from "@atlas/time";
import {
  consoleContext,
  createConsoleDb,
  createTenantDb,
  memberContext,
  type Db,
  type EventSource,
} from "@atlas/db";
import { initTRPC, TRPCError } from "@trpc/server";
import pLimit from "p-limit";
import superjson from "superjson";
import { z, ZodRealError } from "zod";
import { errorFormatter, toTRPCError } from "./errors.ts";
import { PERMISSIONS } from "./permissions.ts";
import { DESCRIBE } from "@atlas/core/services/access/access";
import type { InvitationDelivery } from "@atlas/core/services/workspaces/invitations";
import type { BillingPageDeps } from "@atlas/billing/portal/deps";
import type { SuggestionPlanner } from "@atlas/core/services/ai/request";
import { createPlanner } from "@atlas/ai";
import type { RateLimitBucket, RateLimiters } from "./rate-limit.ts";
import { createInboxBus, type InboxBus } from "@atlas/notify/inbox-bus";
import type { NotifyDeps } from "@atlas/notify";

// ── Context ──────────────────────────────────────────────────────────────────────────────────

export interface CreateContextOptions {
  /** Who is signed in (packages/auth), or null. */
  session: Session | null;
  /** The app-role client (DATABASE_URL): row-level security applies, nothing is bound yet. */
  db: Db;
  clock?: Clock;
  limiter: RateLimiters;
  /** Stripe and the prices, for the billing page (apps/web); null or unset: billing is off. */
  billing?: BillingPageDeps | null;
  /** Which app serves the call (web, admin): the source every log write records. */
  source: EventSource;
  /**
   * The audited bypass client of the membership, invitation and platform-admin services (tests
   * pass their database's); unset, the services use DATABASE_ADMIN_URL's.
   */
  bypassDb?: Db;
  /** Where invitations also go (Clerk in production); none in embedded and test mode. */
  invitationDelivery?: InvitationDelivery | null;
  /**
   * Told after someone joined a workspace (the web app queues the seat sync, docs/domain.md
   * "Seats"); it must not throw and the join never waits for it.
   */
  onMemberJoined?: ((workspaceId: string) => void) | null;
  /**
   * The AI planner (docs/architecture.md "AI planner"): a model provider with the local planner
   * as its fallback, built from the app's configuration; unset, the local planner alone.
   */
  planner?: SuggestionPlanner;
  /** Wakes live inbox streams (docs/architecture.md "Live inbox"); unset: this process's own. */
  inboxBus?: InboxBus;
  /**
   * Asks for a notification's e-mail and push deliveries (notify()'s `schedule`: the jobs'
   * `atlas/notify.deliver`); unset, they stay queued for the delivery job's next sweep.
   */
  scheduleDelivery?: NotifyDeps["schedule"];
  /** The VAPID public key browsers subscribe with (docs/architecture.md "Notifications"); unset: push off. */
  pushPublicKey?: string | null;
}

const leaveQueued: NotifyDeps["schedule"] = async () => undefined;

/** The in-process bus of contexts given none (tests, in-process callers). */
let processInboxBus: InboxBus | undefined;

/** With no model configured, the deterministic local planner does every job. */
const localPlanner: SuggestionPlanner = createPlanner({ provider: null, timeoutMs: 0 });

/**
 * How many calls of one request (one context) run at once. The app's pool holds 10 connections:
 * a batch queues behind its own calls instead of taking every connection from other people.
 */
export const CALLS_AT_ONCE_PER_REQUEST = 4;

/** The context without any HTTP request: route handlers wrap it, tests call it directly. */
export function createContextInner(opts: CreateContextOptions) {
  return {
    session: opts.session,
    db: opts.db,
    clock: opts.clock ?? systemClock,
    limiter: opts.limiter,
    billing: opts.billing ?? null,
    source: opts.source,
    bypassDb: opts.bypassDb,
    invitationDelivery: opts.invitationDelivery ?? null,
    onMemberJoined: opts.onMemberJoined ?? null,
    planner: opts.planner ?? localPlanner,
    inboxBus: opts.inboxBus ?? (processInboxBus ??= createInboxBus()),
    scheduleDelivery: opts.scheduleDelivery ?? leaveQueued,
    pushPublicKey: opts.pushPublicKey ?? null,
    /** Runs one call of this request when a slot is free (CALLS_AT_ONCE_PER_REQUEST). */
    callSlot: pLimit(CALLS_AT_ONCE_PER_REQUEST),
  };
}

export type Context = ReturnType<typeof createContextInner>;

// ── Root ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Subscriptions stream over server-sent events (docs/architecture.md "Live inbox"): the server
 * pings an idle stream, and a client that hears nothing (not even a ping) for longer reconnects
 * and resumes from its last event id, so a stream never stops silently.
 */
export const SSE_PING_MS = 10_000;
export const SSE_RECONNECT_AFTER_SILENCE_MS = 30_000;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter,
  sse: {
    ping: { enabled: true, intervalMs: SSE_PING_MS },
    client: { reconnectAfterInactivityMs: SSE_RECONNECT_AFTER_SILENCE_MS },
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** First in every chain: callers (HTTP or createCaller) see mapped codes, never internals. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

/** Where in `value` a string (or key) holds a NUL character, or undefined when none does. */
export function nulPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key];
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold NUL: refused in the raw input of every procedure, before any
 * schema or query runs, as a validation error on the field that carries it.
 */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  const path = nulPath(await getRawInput());
  if (path) {
    // Shaped as a failed input schema (ZodRealError is the Error that parse throws), so callers
    // see it as any other field error.
    const message = "Text must not contain NUL characters";
    throw new TRPCError({
      code: "BAD_REQUEST",
      message,
      cause: new ZodRealError([{ code: "custom", path, message, input: undefined }]),
    });
  }
  return next();
});

export const publicProcedure = t.procedure
  .use(mapErrors)
  .use(({ ctx, next }) => ctx.callSlot(() => next()))
  .use(refuseNul);

// ── Authenticated ────────────────────────────────────────────────────────────────────────────

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const { session } = ctx;
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return next({
    ctx: {
      session,
      /** Kept for binding a workspace later in the chain; routes use ctx.db. */
      baseDb: ctx.db,
      /** The user's own rows, memberships and workspaces; no workspace bound. */
      db: createTenantDb(ctx.db, { workspaceId: null, userId: session.userId }),
    },
  });
});

// ── Workspace ────────────────────────────────────────────────────────────────────────────────

/**
 * Every workspace procedure accepts `workspaceId` (the route parameter of a page such as
 * /w/[workspaceId]/…); without it the session's active workspace is used.
 */
const ZWorkspaceParam = z.object({ workspaceId: z.string().min(1).max(100).optional() }).optional();

/**
 * The mutations a read-only workspace still runs (docs/domain.md "Dunning"): those that only take
 * access away (removing a member, revoking an invitation or Atlas staff's access) and billing
 * (paying is the way out). Leaving has no procedure yet: its path belongs here when it does.
 */
const WRITES_WHILE_READ_ONLY = new Set([
  // Reading one's notices (the dunning ones among them) is no workspace write.
  "inbox.markRead",
  "inbox.markAllRead",
  "workspace.removeMember",
  "workspace.revokeInvitation",
  "support.revoke",
]);

/** The workspace's subscription as the member check read it. */
interface BillingState {
  billingStatus: string | null;
  pastDueSince: Date | null;
}

const billingOf = (workspace: BillingState) => ({
  status: workspace.billingStatus,
  pastDueSince: workspace.pastDueSince,
});

function writesWhileReadOnly(path: string): boolean {
  return WRITES_WHILE_READ_ONLY.has(path) || path.startsWith("billing.");
}

export const workspaceProcedure = authedProcedure
  .input(ZWorkspaceParam)
  .use(async ({ ctx, input, next, path, type }) => {
    const userId = ctx.session.userId;
    const workspaceId = input?.workspaceId ?? ctx.session.workspaceId;
    if (!workspaceId) {
      throw new AppError("PRECONDITION_FAILED", "Choose a workspace first.");
    }
    // One plain query of a SECURITY DEFINER function finds the workspace and proves an active
    // membership, with no transaction (docs/adr/0007). One who left is no member.
    const context = await memberContext(ctx.baseDb, { userId, workspaceId });
    // Same answer for "no such workspace" and "not yours": ids are not to be probed.
    if (!context) throw new AppError("FORBIDDEN", "You are not a member of this workspace.");
    // Every workspace write passes here, so none can forget the read-only stage; reads never do.
    if (type === "mutation" && !writesWhileReadOnly(path)) {
      assertBillingAllows(billingOf(context.workspace), "write", ctx.clock.now());
    }
    return next({
      ctx: {
        workspace: context.workspace,
        membership: { workspaceId, userId, role: context.role as Role },
        db: createTenantDb(ctx.baseDb, { workspaceId, userId }),
      },
    });
  });

// ── Checks that follow the workspace (generic over the chain's context) ──────────────────────

type Next<R> = { next: () => Promise<R> };

interface MembershipCtx {
  membership: { role: Role };
  workspace: { sharesProgress: boolean };
}

/** Only who has `capability` in PERMISSIONS (members through sharesProgress where it says so). */
export function allowedTo(capability: CapabilityName) {
  return async <R>(opts: { ctx: MembershipCtx } & Next<R>): Promise<R> => {
    const { role: memberRole } = opts.ctx.membership;
    if (!can(capability, { role: memberRole, sharesProgress: opts.ctx.workspace.sharesProgress })) {
      throw new AppError("FORBIDDEN", `Your role (${memberRole}) may not ${DESCRIBE[capability]}.`);
    }
    return opts.next();
  };
}

interface EntitlementCtx {
  workspace: { entitlements: EntitlementSnapshot };
}

/** Only when the workspace's entitlement snapshot includes `feature` (read with the workspace; no query). */
export function entitled(feature: PlanFeature) {
  return async <R>(opts: { ctx: EntitlementCtx } & Next<R>): Promise<R> => {
    const { entitlements } = opts.ctx.workspace;
    if (!isEntitled(entitlements, feature)) {
      throw new AppError("PAYMENT_REQUIRED", notEntitledMessage(entitlements, feature), {
        feature,
      });
    }
    return opts.next();
  };
}

interface BillingCtx {
  workspace: BillingState;
  clock: Clock;
}

/**
 * Only while the dunning ladder allows `action` at the context's clock (docs/domain.md "Dunning";
 * read with the workspace, no query). Writes are checked for every workspace mutation already.
 */
export function billingAllows(action: BillingAction) {
  return async <R>(opts: { ctx: BillingCtx } & Next<R>): Promise<R> => {
    assertBillingAllows(billingOf(opts.ctx.workspace), action, opts.ctx.clock.now());
    return opts.next();
  };
}

interface RateLimitCtx {
  session: Session;
  limiter: RateLimiters;
}

/**
 * At most the bucket's calls per window for one user (all workspaces together). The retry time is
 * measured on the real clock, the one the limiter counts on (not the offset demo clock).
 */
export function rateLimited(bucket: RateLimitBucket) {
  return async <R>(opts: { ctx: RateLimitCtx } & Next<R>): Promise<R> => {
    const result = await opts.ctx.limiter.limit(bucket, opts.ctx.session.userId);
    if (!result.success) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((result.resetAt.getTime() - Date.now()) / 1000),
      );
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `Too many requests: try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds, bucket },
      );
    }
    return opts.next();
  };
}

// ── Named builders ───────────────────────────────────────────────────────────────────────────

/** Owners and admins: settings. */
export const workspaceAdminProcedure = workspaceProcedure.use(allowedTo("manageSettings"));

/** Owners and admins: members, roles, invitations. */
export const membersAdminProcedure = workspaceProcedure.use(allowedTo("manageMembers"));

/**
 * The admin console (apps/admin): who coaches, administers or owns at least one workspace, or is
 * platform staff. ctx gains the workspaces the caller may coach in, and `consoleDb`: the read-only
 * client that reaches all of them and any workspace an active support grant opens
 * (docs/architecture.md "Console reach"). Writes use a client bound to one workspace.
 */
export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const userId = ctx.session.userId;
  // One plain query of a SECURITY DEFINER function, as the workspace check (docs/adr/0007).
  const { isPlatformAdmin, coached } = await consoleContext(
    ctx.baseDb,
    userId,
    PERMISSIONS.adminConsole.roles,
  );
  if (coached.length === 0 && !isPlatformAdmin) {
    throw new AppError("FORBIDDEN", "Atlas admin is for coaches: you coach no workspace");
  }
  return next({
    ctx: {
      isPlatformAdmin,
      coachedWorkspaces: coached.map((m) => ({
        workspaceId: m.workspaceId,
        role: m.role as Role,
        // What the console's plan and dunning checks read (console-access.ts), with no query.
        entitlements: m.entitlements as EntitlementSnapshot,
        billing: billingOf(m),
      })),
      consoleDb: createConsoleDb(ctx.baseDb, userId),
    },
  });
});

/**
 * The platform admin (apps/admin /platform/*): Atlas staff only (User.isPlatformAdmin). They hold
 * no workspace capability; member data only under a support grant (console-access.ts).
 */
export const platformProcedure = adminProcedure.use(({ ctx, next }) => {
  if (!ctx.isPlatformAdmin) {
    throw new AppError("FORBIDDEN", "The platform admin is for Atlas staff only.");
  }
  return next();
});
