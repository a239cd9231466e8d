/**
 * Support access (docs/architecture.md "Console reach", docs/domain.md "Support access"): Atlas
 * staff ask an owner for a time-boxed grant to one workspace, or open one at once as break-glass;
 * the owner approves, refuses or revokes it, and can turn support access off. The database keeps
 * the grant's rules (migration 20261205090000_console_reach): the window is stamped from its clock,
 * a revoked grant ends at once, and the console's reach ends with the window. This module
 * - opens grants as the staff member (app role, bound to the workspace), idempotent on a key;
 * - decides them as the owner (the procedure checked the role; the client is bound to the
 *   workspace, so a grant of another workspace is not found);
 * - finds a staff member's active grant through the console's client (the database's own answer,
 *   with its clock), records every use of one, and reads the workspace under it.
 * Every change writes an AuditLog entry in the grant's workspace.
 */
import { AppError, type Role } from "@atlas/core";
import {
  createTenantDb,
  type Db,
  type EventSource,
  type SupportGrantScope,
  type SupportGrantStatus,
  type TenantDb,
  type TenantTx as Tx,
} from "@atlas/db";
import { withIdempotency } from "../shared/idempotency.ts";
import {
  supportTarget,
  workspaceNames,
  type PlatformActor,
  type PlatformOptions,
} from "./tenants.ts";

export type SupportGrantOut = {
  id: string;
  workspaceId: string;
  /** On the staff member's own list; null on the owner's (it is their workspace). */
  workspaceName: string | null;
  /** Who asked, on the owner's list; null on the staff member's own. */
  staff: { id: string; name: string; email: string } | null;
  reason: string;
  scope: SupportGrantScope;
  durationMinutes: number;
  status: SupportGrantStatus;
  breakGlass: boolean;
  /** Approved and not yet expired, by the database's clock. */
  isActive: boolean;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  startsAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** The owner or admin acting in their own workspace. */
export interface WorkspaceActor {
  workspaceId: string;
  userId: string;
  source: EventSource;
}

const GRANT_SELECT = {
  id: true,
  workspaceId: true,
  staffUserId: true,
  reason: true,
  scope: true,
  durationMinutes: true,
  status: true,
  breakGlass: true,
  requestedAt: true,
  decidedAt: true,
  decisionNote: true,
  startsAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

type GrantRow = {
  id: string;
  workspaceId: string;
  staffUserId: string;
  reason: string;
  scope: SupportGrantScope;
  durationMinutes: number;
  status: SupportGrantStatus;
  breakGlass: boolean;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  startsAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toOut(
  row: GrantRow,
  now: Date,
  extra: Pick<SupportGrantOut, "workspaceName" | "staff">,
): SupportGrantOut {
  const { staffUserId: _staff, ...rest } = row;
  return {
    ...rest,
    ...extra,
    isActive: row.status === "approved" && row.expiresAt !== null && row.expiresAt > now,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    startsAt: iso(row.startsAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

/** The database's clock: grants open, end and are judged by it, never by the app's. */
async function dbNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

async function audit(
  tx: Tx,
  actor: { userId: string; source: EventSource },
  workspaceId: string,
  action: string,
  target: { type: string; id: string },
  metadata: Record<string, string | number | boolean | null>,
) {
  await tx.auditLog.create({
    data: {
      workspaceId,
      actorUserId: actor.userId,
      action,
      targetType: target.type,
      targetId: target.id,
      metadata: { ...metadata, source: actor.source },
    },
  });
}

// ── Staff ─────────────────────────────────────────────────────────────────────────────────────

export interface OpenGrantInput {
  workspaceId: string;
  reason: string;
  durationMinutes: number;
  scope: SupportGrantScope;
  idempotencyKey: string;
  /** Break-glass: open at once, without the owner (who sees it on the workspace page). */
  breakGlass: boolean;
}

/**
 * A staff member asks for access (or opens it, break-glass). Refused when the workspace does not
 * exist or its owner turned support access off (break-glass too: the owner's switch wins).
 */
export async function openSupportGrant(
  base: Db,
  actor: PlatformActor,
  input: OpenGrantInput,
  options: PlatformOptions = {},
): Promise<SupportGrantOut> {
  const target = await supportTarget(actor, input.workspaceId, options);
  const { workspaceId, reason, durationMinutes, scope, breakGlass } = input;
  const db = createTenantDb(base, { workspaceId, userId: actor.userId });
  return withIdempotency(
    db,
    {
      workspaceId,
      key: input.idempotencyKey,
      scope: breakGlass ? "support.breakGlass" : "support.request",
      actorId: actor.userId,
      body: { reason, durationMinutes, scope },
    },
    async (tx) => {
      const row = await tx.supportGrant.create({
        data: {
          workspaceId,
          staffUserId: actor.userId,
          reason,
          durationMinutes,
          scope,
          breakGlass,
          status: breakGlass ? "approved" : "requested",
        },
        select: GRANT_SELECT,
      });
      await audit(
        tx,
        actor,
        workspaceId,
        breakGlass ? "support.break_glass" : "support.requested",
        { type: "supportGrant", id: row.id },
        { grantId: row.id, reason, scope, durationMinutes },
      );
      return toOut(row, await dbNow(tx), { workspaceName: target.name, staff: null });
    },
  );
}

/** The staff member's own grants, newest first (the latest 100). */
export async function listMySupportGrants(
  base: Db,
  actor: PlatformActor,
  options: PlatformOptions = {},
): Promise<SupportGrantOut[]> {
  const db = createTenantDb(base, { workspaceId: null, userId: actor.userId });
  const { rows, now } = await db.$transaction(async (tx) => ({
    rows: await tx.supportGrant.findMany({
      where: { staffUserId: actor.userId },
      select: GRANT_SELECT,
      orderBy: { id: "desc" },
      take: 100,
    }),
    now: await dbNow(tx),
  }));
  const names = await workspaceNames(actor, [...new Set(rows.map((r) => r.workspaceId))], options);
  return rows.map((row) =>
    toOut(row, now, { workspaceName: names.get(row.workspaceId) ?? null, staff: null }),
  );
}

// ── The workspace's people ────────────────────────────────────────────────────────────────────

const STAFF_SELECT = { id: true, name: true, email: true } as const;

async function grantsWithStaff(
  tx: Tx,
  workspaceId: string,
  where: { status?: SupportGrantStatus; expiresAfter?: Date } = {},
) {
  const rows = await tx.supportGrant.findMany({
    where: {
      workspaceId,
      status: where.status,
      expiresAt: where.expiresAfter === undefined ? undefined : { gt: where.expiresAfter },
    },
    select: { ...GRANT_SELECT, staff: { select: STAFF_SELECT } },
    orderBy: { id: "desc" },
    take: 100,
  });
  return rows;
}

/** Owners: the workspace's switch and its grants (pending, active and past), newest first. */
export async function listWorkspaceSupportGrants(
  db: TenantDb,
  workspaceId: string,
): Promise<{ supportAccessEnabled: boolean; grants: SupportGrantOut[] }> {
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { supportAccessEnabled: true },
    });
    const rows = await grantsWithStaff(tx, workspaceId);
    return {
      supportAccessEnabled: workspace.supportAccessEnabled,
      grants: rows.map(({ staff, ...row }) => toOut(row, now, { workspaceName: null, staff })),
    };
  });
}

/** Every member: the grants open right now (the banner), while support access is on. */
export async function activeSupportGrants(
  db: TenantDb,
  workspaceId: string,
): Promise<SupportGrantOut[]> {
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { supportAccessEnabled: true },
    });
    if (!workspace.supportAccessEnabled) return [];
    const rows = await grantsWithStaff(tx, workspaceId, { status: "approved", expiresAfter: now });
    return rows.map(({ staff, ...row }) => toOut(row, now, { workspaceName: null, staff }));
  });
}

async function grantInWorkspace(tx: Tx, workspaceId: string, grantId: string) {
  // Bound to the owner's workspace: another workspace's grant is "no such request" here.
  const row = await tx.supportGrant.findFirst({
    where: { id: grantId, workspaceId },
    select: { ...GRANT_SELECT, staff: { select: STAFF_SELECT } },
  });
  if (!row) throw new AppError("NOT_FOUND", "There is no such support request in this workspace.");
  return row;
}

async function changeGrant(
  db: TenantDb,
  actor: WorkspaceActor,
  grantId: string,
  to: "approved" | "refused" | "revoked",
  allowedFrom: SupportGrantStatus,
  refusal: (status: SupportGrantStatus) => string,
  note?: string,
): Promise<SupportGrantOut> {
  return db.$transaction(async (tx) => {
    const { staff, ...row } = await grantInWorkspace(tx, actor.workspaceId, grantId);
    const now = await dbNow(tx);
    // A retry of the same decision answers with the grant as it is.
    if (row.status === to) return toOut(row, now, { workspaceName: null, staff });
    if (row.status !== allowedFrom) throw new AppError("CONFLICT", refusal(row.status));
    if (to === "approved") {
      const workspace = await tx.workspace.findUniqueOrThrow({
        where: { id: actor.workspaceId },
        select: { supportAccessEnabled: true },
      });
      if (!workspace.supportAccessEnabled) {
        throw new AppError(
          "PRECONDITION_FAILED",
          "Support access is turned off for this workspace: turn it on before approving.",
        );
      }
    }
    const updated = await tx.supportGrant.update({
      where: { id: grantId },
      data:
        to === "revoked"
          ? { status: to, revokedById: actor.userId }
          : { status: to, decidedAt: now, decidedById: actor.userId, decisionNote: note ?? null },
      select: GRANT_SELECT,
    });
    await audit(
      tx,
      actor,
      actor.workspaceId,
      `support.${to}`,
      { type: "supportGrant", id: grantId },
      { grantId, staffUserId: row.staffUserId, note: note ?? null },
    );
    return toOut(updated, now, { workspaceName: null, staff });
  });
}

/** The owner approves a pending request: the window starts now, by the database's clock. */
export function approveSupportGrant(db: TenantDb, actor: WorkspaceActor, grantId: string) {
  return changeGrant(
    db,
    actor,
    grantId,
    "approved",
    "requested",
    (s) => `This request was already ${s}: it can no longer be approved.`,
  );
}

/** The owner refuses a pending request, optionally saying why. */
export function refuseSupportGrant(
  db: TenantDb,
  actor: WorkspaceActor,
  grantId: string,
  note?: string,
) {
  return changeGrant(
    db,
    actor,
    grantId,
    "refused",
    "requested",
    (s) => `This request was already ${s}: it can no longer be refused.`,
    note,
  );
}

/** The owner ends an approved grant at once (an expired one is recorded as revoked too). */
export function revokeSupportGrant(db: TenantDb, actor: WorkspaceActor, grantId: string) {
  return changeGrant(db, actor, grantId, "revoked", "approved", (s) =>
    s === "requested"
      ? "This request is still pending: refuse it instead."
      : `This request was ${s}: there is no access to revoke.`,
  );
}

/**
 * The owner's switch. Turning it off also revokes the open grants and refuses the pending
 * requests, so turning it on again reopens nothing.
 */
export async function setSupportAccess(
  db: TenantDb,
  actor: WorkspaceActor,
  enabled: boolean,
): Promise<{ supportAccessEnabled: boolean }> {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { supportAccessEnabled: enabled },
      select: { supportAccessEnabled: true },
    });
    let ended = 0;
    if (!enabled) {
      const now = await dbNow(tx);
      const revoked = await tx.supportGrant.updateMany({
        where: { workspaceId: actor.workspaceId, status: "approved", expiresAt: { gt: now } },
        data: { status: "revoked", revokedById: actor.userId },
      });
      const refused = await tx.supportGrant.updateMany({
        where: { workspaceId: actor.workspaceId, status: "requested" },
        data: { status: "refused", decidedAt: now, decidedById: actor.userId },
      });
      ended = revoked.count + refused.count;
    }
    await audit(
      tx,
      actor,
      actor.workspaceId,
      enabled ? "support.enabled" : "support.disabled",
      { type: "workspace", id: actor.workspaceId },
      { grantsEnded: ended },
    );
    return workspace;
  });
}

// ── Under a grant (the console's client) ──────────────────────────────────────────────────────

export interface ActiveGrant {
  id: string;
  scope: SupportGrantScope;
  expiresAt: Date;
  workspaceName: string;
}

/**
 * The staff member's grant that opens `workspaceId` now, or null: the database decides, with the
 * same function as the console's policies (approved, unexpired by its clock, support access on,
 * a platform admin), so the answer and the reach cannot disagree.
 */
export async function activeGrantOf(
  consoleDb: TenantDb,
  workspaceId: string,
): Promise<ActiveGrant | null> {
  const rows = await consoleDb.$transaction(
    (tx) => tx.$queryRaw<ActiveGrant[]>`
      SELECT g.id, g.scope, g."expiresAt", w.name AS "workspaceName"
        FROM "SupportGrant" g JOIN "Workspace" w ON w.id = g."workspaceId"
       WHERE g."workspaceId" = ${workspaceId}
         AND g."workspaceId" IN (SELECT "atlas_console_workspaces"())
         AND g."staffUserId" = NULLIF(current_setting('app.user_id', true), '')
         AND g.status = 'approved' AND g."expiresAt" > now()
       ORDER BY g."expiresAt" DESC
       LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** One read or write under a grant, recorded in the workspace's audit with the grant's id. */
export async function recordGrantUse(
  base: Db,
  use: {
    grantId: string;
    workspaceId: string;
    staffUserId: string;
    source: EventSource;
    intent: "read" | "write";
    procedure: string;
  },
): Promise<void> {
  await createTenantDb(base, {
    workspaceId: use.workspaceId,
    userId: use.staffUserId,
  }).auditLog.create({
    data: {
      workspaceId: use.workspaceId,
      actorUserId: use.staffUserId,
      action: `support.${use.intent}`,
      targetType: "supportGrant",
      targetId: use.grantId,
      metadata: { grantId: use.grantId, procedure: use.procedure, source: use.source },
    },
  });
}

export type SupportMemberRow = {
  userId: string;
  name: string;
  role: Role;
  /** The stored daily scores of the last 14 days, oldest first (days never scored are absent). */
  recentScores: { localDate: string; score: number | null }[];
};

/** Days of stored scores the support view shows. */
const RECENT_DAYS = 14;

/**
 * The workspace as staff see it under a grant: its members and their recent stored scores, read
 * through the console's client (the policies admit the workspace only while the grant is active).
 */
export async function supportWorkspaceMembers(
  consoleDb: TenantDb,
  workspaceId: string,
): Promise<SupportMemberRow[]> {
  return consoleDb.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const since = new Date(now.getTime() - (RECENT_DAYS + 1) * 86_400_000);
    const members = await tx.membership.findMany({
      where: { workspaceId, leftAt: null },
      select: { userId: true, role: true, user: { select: { name: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    });
    const scores = await tx.memberDayScore.findMany({
      where: { workspaceId, localDate: { gte: since } },
      select: { memberId: true, localDate: true, score: true },
      orderBy: { localDate: "asc" },
    });
    return members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      role: m.role as Role,
      recentScores: scores
        .filter((s) => s.memberId === m.userId)
        .slice(-RECENT_DAYS)
        .map((s) => ({ localDate: s.localDate.toISOString().slice(0, 10), score: s.score })),
    }));
  });
}
