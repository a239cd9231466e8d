/**
 * The platform admin's reads of tenants (docs/architecture.md "Platform admin"): every workspace
 * with its plan, seats, active members, last activity and billing state, and never member data.
 * Staff belong to no workspace, so these run on the audited bypass client (each use writes a
 * `bypass.use` entry); plans, the log and scores are read only under a support grant, through the
 * console's client (support-access.ts).
 */
import { AppError } from "@atlas/core";
import type { Db, EventSource, SubscriptionStatus } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { pageFrom, type Page } from "../shared/pagination.ts";

/** A signed-in platform admin and the app they came through. */
export interface PlatformActor {
  userId: string;
  source: EventSource;
}

export interface PlatformOptions {
  /** The bypass client; tests pass their own (default: DATABASE_ADMIN_URL's). */
  db?: Db;
}

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  planKey: string;
  planName: string;
  /** The subscription's seats, else the active members (a workspace without billing). */
  seats: number;
  activeMembers: number;
  /** When the log last recorded anything in the workspace (ISO), or null. */
  lastActivityAt: string | null;
  /** The subscription's status, or "free" without one. */
  billing: SubscriptionStatus | "free";
  supportAccessEnabled: boolean;
  createdAt: string;
}

interface TenantRow {
  id: string;
  name: string;
  slug: string;
  planKey: string;
  planName: string;
  subscriptionStatus: SubscriptionStatus | null;
  subscriptionSeats: number | null;
  activeMembers: number;
  lastActivityAt: Date | null;
  supportAccessEnabled: boolean;
  createdAt: Date;
}

const use = (actor: PlatformActor, reason: string, workspaceId?: string) => ({
  actor: `${actor.source}:platform-admin`,
  reason,
  workspaceId: workspaceId ?? null,
  actorUserId: actor.userId,
});

/**
 * One page of workspaces in id order, in one query: the member count and the last activity are
 * correlated subqueries over the page only, the latter one backward step of the
 * (workspaceId, recordedAt) index, so the cost follows the page, not the history.
 */
export async function listTenants(
  actor: PlatformActor,
  input: { cursor?: string; limit: number },
  options: PlatformOptions = {},
): Promise<Page<Tenant>> {
  const rows = await withBypass(
    use(actor, "platform admin: tenants list"),
    (db) => db.$queryRaw<TenantRow[]>`
      SELECT w.id, w.name, w.slug, w."supportAccessEnabled", w."createdAt",
             p.key AS "planKey", p.name AS "planName",
             s.status AS "subscriptionStatus",
             -- A Stripe customer with no subscription (status null) pays for no seats.
             CASE WHEN s.status IS NULL THEN NULL ELSE s.seats END AS "subscriptionSeats",
             (SELECT count(*) FROM "Membership" m
               WHERE m."workspaceId" = w.id AND m."leftAt" IS NULL)::int AS "activeMembers",
             (SELECT max(e."recordedAt") FROM "ExecutionEvent" e
               WHERE e."workspaceId" = w.id) AS "lastActivityAt"
        FROM "Workspace" w
        JOIN "Plan" p ON p.id = w."planId"
        LEFT JOIN "Subscription" s ON s."workspaceId" = w.id
       WHERE ${input.cursor ?? null}::text IS NULL OR w.id > ${input.cursor ?? null}::text
       ORDER BY w.id
       LIMIT ${input.limit + 1}`,
    options.db,
  );
  return pageFrom(rows.map(toTenant), input.limit, (t) => t.id);
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    planKey: row.planKey,
    planName: row.planName,
    seats: row.subscriptionSeats ?? row.activeMembers,
    activeMembers: row.activeMembers,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    billing: row.subscriptionStatus ?? "free",
    supportAccessEnabled: row.supportAccessEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The workspace a support request names, when it exists and its owner allows support access;
 * refused otherwise, in the staff member's words.
 */
export async function supportTarget(
  actor: PlatformActor,
  workspaceId: string,
  options: PlatformOptions = {},
): Promise<{ id: string; name: string }> {
  const workspace = await withBypass(
    use(actor, "platform admin: support access request", workspaceId),
    (db) =>
      db.workspace.findUnique({
        where: { id: workspaceId },
        select: { id: true, name: true, supportAccessEnabled: true },
      }),
    options.db,
  );
  if (!workspace) throw new AppError("NOT_FOUND", "There is no such workspace.");
  if (!workspace.supportAccessEnabled) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `The owner of ${workspace.name} has turned support access off: ask them to turn it on.`,
    );
  }
  return { id: workspace.id, name: workspace.name };
}

/** Workspace names by id, for the staff member's own grants (names only, no member data). */
export async function workspaceNames(
  actor: PlatformActor,
  ids: readonly string[],
  options: PlatformOptions = {},
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await withBypass(
    use(actor, "platform admin: names of the workspaces of own support grants"),
    (db) =>
      db.workspace.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }),
    options.db,
  );
  return new Map(rows.map((w) => [w.id, w.name]));
}
