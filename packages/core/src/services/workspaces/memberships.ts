/**
 * Who belongs to a workspace and with which role. The app role may not write memberships
 * (migration 20261123090000_backstops), so these run on the audited bypass client, after the
 * checks here:
 * - addMember, changeRole, removeMember: an active owner or admin (`manageMembers`); only an owner
 *   grants the owner role or changes or removes an owner;
 * - leaveWorkspace: any active member, for themself;
 * - a workspace keeps an active owner: the last one can be neither demoted nor removed, nor leave
 *   (CONFLICT);
 * - leaving and removal set `leftAt` and keep the member's history; adding someone who left
 *   brings their row (and history) back.
 * Each change locks the workspace row (two owners cannot demote each other at once) and writes
 * an audit entry besides withBypass's own.
 */
import type { Db, EventSource } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { AppError } from "../../errors.ts";
import { can, type Role } from "../../permissions.ts";

/** The signed-in person asking, and where the request came from. */
export interface MembershipActor {
  userId: string;
  source: EventSource;
}

export interface MembershipOptions {
  /** The bypass client; tests pass their own (default: DATABASE_ADMIN_URL's). */
  db?: Db;
}

export interface MemberRecord {
  workspaceId: string;
  userId: string;
  role: Role;
  leftAt: Date | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Acting {
  tx: Tx;
  role: Role;
  sharesProgress: boolean;
}

const RECORD = { workspaceId: true, userId: true, role: true, leftAt: true } as const;

function toRecord(row: { workspaceId: string; userId: string; role: string; leftAt: Date | null }) {
  return { ...row, role: row.role as Role };
}

/** Runs `work` in one bypass transaction, the workspace locked, the actor an active member. */
async function asMember<T>(
  actor: MembershipActor,
  workspaceId: string,
  reason: string,
  options: MembershipOptions,
  work: (acting: Acting) => Promise<T>,
): Promise<T> {
  return withBypass(
    { actor: `${actor.source}:memberships`, reason, workspaceId, actorUserId: actor.userId },
    (db) =>
      db.$transaction(async (tx) => {
        const [workspace] = await tx.$queryRaw<{ sharesProgress: boolean }[]>`
          SELECT "sharesProgress" FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
        const own = workspace
          ? await tx.membership.findUnique({
              where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
              select: { role: true, leftAt: true },
            })
          : null;
        // Same answer for "no such workspace" and "not yours", as in the API's workspace check.
        if (!workspace || !own || own.leftAt !== null) {
          throw new AppError("FORBIDDEN", "You are not a member of this workspace.");
        }
        return work({ tx, role: own.role as Role, sharesProgress: workspace.sharesProgress });
      }),
    options.db,
  );
}

function requireManager(acting: Acting) {
  if (!can("manageMembers", acting)) {
    throw new AppError("FORBIDDEN", "Only owners and admins manage members.");
  }
}

function requireOwnerFor(acting: Acting, ...roles: Role[]) {
  if (roles.includes("owner") && acting.role !== "owner") {
    throw new AppError("FORBIDDEN", "Only an owner grants, changes or removes the owner role.");
  }
}

async function activeMembership(tx: Tx, workspaceId: string, userId: string) {
  const row = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: RECORD,
  });
  if (!row || row.leftAt !== null) {
    throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
  }
  return toRecord(row);
}

async function requireAnotherOwner(tx: Tx, workspaceId: string, userId: string) {
  const others = await tx.membership.count({
    where: { workspaceId, role: "owner", leftAt: null, NOT: { userId } },
  });
  if (others === 0) {
    throw new AppError("CONFLICT", "A workspace needs an owner: make someone else owner first.");
  }
}

async function audit(
  tx: Tx,
  actor: MembershipActor,
  workspaceId: string,
  userId: string,
  action: string,
  metadata: Record<string, string | boolean>,
) {
  await tx.auditLog.create({
    data: {
      workspaceId,
      actorUserId: actor.userId,
      action,
      targetType: "membership",
      targetId: userId,
      metadata: { ...metadata, source: actor.source },
    },
  });
}

/** Adds an existing user with `role`; someone who left comes back with their history. */
export async function addMember(
  actor: MembershipActor,
  input: { workspaceId: string; userId: string; role: Role },
  options: MembershipOptions = {},
): Promise<MemberRecord> {
  const { workspaceId, userId, role } = input;
  return asMember(actor, workspaceId, "add a member", options, async (acting) => {
    requireManager(acting);
    requireOwnerFor(acting, role);
    const { tx } = acting;
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "There is no such user.");
    }
    const where = { workspaceId_userId: { workspaceId, userId } };
    const existing = await tx.membership.findUnique({ where, select: { leftAt: true } });
    if (existing?.leftAt === null) {
      throw new AppError("CONFLICT", "This person is already a member of the workspace.");
    }
    const row = existing
      ? await tx.membership.update({ where, data: { role, leftAt: null }, select: RECORD })
      : await tx.membership.create({ data: { workspaceId, userId, role }, select: RECORD });
    await audit(tx, actor, workspaceId, userId, "membership.added", {
      role,
      rejoined: existing !== null,
    });
    return toRecord(row);
  });
}

/** Gives an active member another role. */
export async function changeRole(
  actor: MembershipActor,
  input: { workspaceId: string; userId: string; role: Role },
  options: MembershipOptions = {},
): Promise<MemberRecord> {
  const { workspaceId, userId, role } = input;
  return asMember(actor, workspaceId, "change a member's role", options, async (acting) => {
    requireManager(acting);
    const { tx } = acting;
    const target = await activeMembership(tx, workspaceId, userId);
    requireOwnerFor(acting, target.role, role);
    if (target.role === role) return target;
    if (target.role === "owner") await requireAnotherOwner(tx, workspaceId, userId);
    const row = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId } },
      data: { role },
      select: RECORD,
    });
    await audit(tx, actor, workspaceId, userId, "membership.role_changed", {
      from: target.role,
      to: role,
    });
    return toRecord(row);
  });
}

async function end(
  acting: Acting,
  actor: MembershipActor,
  target: MemberRecord,
  action: "membership.left" | "membership.removed",
  now: Date,
): Promise<MemberRecord> {
  const { tx } = acting;
  const { workspaceId, userId } = target;
  if (target.role === "owner") await requireAnotherOwner(tx, workspaceId, userId);
  const row = await tx.membership.update({
    where: { workspaceId_userId: { workspaceId, userId } },
    data: { leftAt: now },
    select: RECORD,
  });
  await audit(tx, actor, workspaceId, userId, action, { role: target.role });
  return toRecord(row);
}

/** An owner or admin takes someone out of the workspace; their history stays. */
export async function removeMember(
  actor: MembershipActor,
  input: { workspaceId: string; userId: string; now: Date },
  options: MembershipOptions = {},
): Promise<MemberRecord> {
  const { workspaceId, userId, now } = input;
  return asMember(actor, workspaceId, "remove a member", options, async (acting) => {
    requireManager(acting);
    const target = await activeMembership(acting.tx, workspaceId, userId);
    requireOwnerFor(acting, target.role);
    return end(acting, actor, target, "membership.removed", now);
  });
}

/** The actor leaves the workspace; their history stays. */
export async function leaveWorkspace(
  actor: MembershipActor,
  input: { workspaceId: string; now: Date },
  options: MembershipOptions = {},
): Promise<MemberRecord> {
  const { workspaceId, now } = input;
  return asMember(actor, workspaceId, "leave the workspace", options, async (acting) => {
    const target = await activeMembership(acting.tx, workspaceId, actor.userId);
    return end(acting, actor, target, "membership.left", now);
  });
}
