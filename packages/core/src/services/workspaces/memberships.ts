/**
 * Who belongs to a workspace and with which role. The app role may not write memberships
 * (migration 20261123090000_backstops), so these run on the audited bypass client, after the
 * checks here:
 * - addMember, changeRole, removeMember: an active owner or admin (`manageMembers`); only an owner
 *   grants the owner or admin role, or changes or removes an owner or admin (an admin manages
 *   coaches and members);
 * - leaveWorkspace: any active member, for themself;
 * - a workspace keeps an active owner: the last one can be neither demoted nor removed, nor leave
 *   (CONFLICT);
 * - leaving and removal set `leftAt` and keep the member's history; adding someone who left
 *   brings their row (and history) back; removing someone who already left answers as the first
 *   removal did (a retried request), changing nothing.
 * Invitations (invitations.ts) reuse these checks and `admit`.
 * Each change locks the workspace row (two owners cannot demote each other at once) and writes
 * an audit entry besides withBypass's own.
 */
import type { Db, EventSource } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import type { DunningInput } from "../../billing/dunning.ts";
import { assertMemberRoom } from "../../billing/limits.ts";
import type { EntitlementSnapshot } from "../../billing/plan-catalog.ts";
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

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Acting {
  tx: Tx;
  role: Role;
  sharesProgress: boolean;
  workspace: LockedWorkspace;
}

const RECORD = { workspaceId: true, userId: true, role: true, leftAt: true } as const;

function toRecord(row: { workspaceId: string; userId: string; role: string; leftAt: Date | null }) {
  return { ...row, role: row.role as Role };
}

/** What a membership change reads of its workspace, under the lock. */
export interface LockedWorkspace {
  sharesProgress: boolean;
  /** The plan's snapshot: the members and seats limits (docs/domain.md "Plans and entitlements"). */
  entitlements: EntitlementSnapshot;
  /** The subscription's status and failing-since: the dunning ladder (docs/domain.md "Dunning"). */
  billing: DunningInput;
}

/** Locks the workspace row for the rest of the transaction; null when there is no such workspace. */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<LockedWorkspace | null> {
  const [workspace] = await tx.$queryRaw<
    {
      sharesProgress: boolean;
      entitlements: EntitlementSnapshot;
      status: string | null;
      pastDueSince: Date | null;
    }[]
  >`
    SELECT w."sharesProgress", w."entitlements", s."status"::text AS "status", s."pastDueSince"
    FROM "Workspace" w LEFT JOIN "Subscription" s ON s."workspaceId" = w.id
    WHERE w.id = ${workspaceId} FOR UPDATE OF w`;
  if (workspace === undefined) return null;
  const { status, pastDueSince, ...rest } = workspace;
  return { ...rest, billing: { status, pastDueSince } };
}

/** Runs `work` in one bypass transaction, the workspace locked, the actor an active member. */
export async function asMember<T>(
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
        const workspace = await lockWorkspace(tx, workspaceId);
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
        return work({
          tx,
          role: own.role as Role,
          sharesProgress: workspace.sharesProgress,
          workspace,
        });
      }),
    options.db,
  );
}

export function requireManager(acting: Acting) {
  if (!can("manageMembers", acting)) {
    throw new AppError("FORBIDDEN", "Only owners and admins manage members.");
  }
}

/** The roles only an owner grants, changes or removes. */
const OWNERS_ONLY: readonly Role[] = ["owner", "admin"];
const A_ROLE: Record<Role, string> = {
  owner: "an owner",
  admin: "an admin",
  coach: "a coach",
  member: "a member",
};

/** Only an owner grants `granted`, or touches a member whose role is `current`, when either is owner or admin. */
export function requireOwnerFor(acting: Acting, granted: Role | null, current: Role | null = null) {
  if (acting.role === "owner") return;
  if (current !== null && OWNERS_ONLY.includes(current)) {
    throw new AppError("FORBIDDEN", `Only owners can change or remove ${A_ROLE[current]}.`);
  }
  if (granted !== null && OWNERS_ONLY.includes(granted)) {
    throw new AppError("FORBIDDEN", `Only owners can make someone ${A_ROLE[granted]}.`);
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
    throw new AppError(
      "CONFLICT",
      "A workspace needs at least one owner: make someone else owner first.",
    );
  }
}

/** One AuditLog entry of a membership or invitation change, with the actor's source. */
export async function audit(
  tx: Tx,
  actor: MembershipActor,
  target: { workspaceId: string; type: "membership" | "invitation"; id: string },
  action: string,
  metadata: Record<string, string | boolean>,
) {
  await tx.auditLog.create({
    data: {
      workspaceId: target.workspaceId,
      actorUserId: actor.userId,
      action,
      targetType: target.type,
      targetId: target.id,
      metadata: { ...metadata, source: actor.source },
    },
  });
}

const onMember = (workspaceId: string, userId: string) =>
  ({ workspaceId, type: "membership", id: userId }) as const;

/** Active members of the workspace: who is billed (docs/domain.md "Plans and entitlements"). */
export function billableMembers(tx: Tx, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, leftAt: null } });
}

/**
 * Makes `userId` an active member with `role` inside the caller's locked transaction, after the
 * caller's checks: a new row, or someone who left back with their history (`membership.added`).
 * The plan must have room for one more (members and seats limits, PAYMENT_REQUIRED).
 */
export async function admit(
  tx: Tx,
  actor: MembershipActor,
  input: { workspaceId: string; userId: string; role: Role },
  workspace: LockedWorkspace,
  metadata: Record<string, string> = {},
): Promise<MemberRecord> {
  const { workspaceId, userId, role } = input;
  const where = { workspaceId_userId: { workspaceId, userId } };
  const existing = await tx.membership.findUnique({ where, select: { leftAt: true } });
  if (existing?.leftAt === null) {
    throw new AppError("CONFLICT", "This person is already a member of the workspace.");
  }
  assertMemberRoom(workspace.entitlements, (await billableMembers(tx, workspaceId)) + 1);
  const row = existing
    ? await tx.membership.update({ where, data: { role, leftAt: null }, select: RECORD })
    : await tx.membership.create({ data: { workspaceId, userId, role }, select: RECORD });
  await audit(tx, actor, onMember(workspaceId, userId), "membership.added", {
    ...metadata,
    role,
    rejoined: existing !== null,
  });
  return toRecord(row);
}

/** Adds an existing user with `role`; someone who left comes back with their history. */
export async function addMember(
  actor: MembershipActor,
  input: { workspaceId: string; userId: string; role: Role },
  options: MembershipOptions = {},
): Promise<MemberRecord> {
  return asMember(actor, input.workspaceId, "add a member", options, async (acting) => {
    requireManager(acting);
    requireOwnerFor(acting, input.role);
    const { tx } = acting;
    if (!(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "There is no such user.");
    }
    return admit(tx, actor, input, acting.workspace);
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
    requireOwnerFor(acting, role, target.role);
    if (target.role === role) return target;
    if (target.role === "owner") await requireAnotherOwner(tx, workspaceId, userId);
    const row = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId } },
      data: { role },
      select: RECORD,
    });
    await audit(tx, actor, onMember(workspaceId, userId), "membership.role_changed", {
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
  await audit(tx, actor, onMember(workspaceId, userId), action, { role: target.role });
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
    const gone = await acting.tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: RECORD,
    });
    if (gone !== null && gone.leftAt !== null) return toRecord(gone);
    const target = await activeMembership(acting.tx, workspaceId, userId);
    requireOwnerFor(acting, null, target.role);
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
