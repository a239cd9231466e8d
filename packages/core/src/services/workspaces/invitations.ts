/**
 * Invitations to a workspace (docs/domain.md "Members and invitations"). Writes run on the
 * audited bypass client like memberships.ts, whose checks and `admit` they reuse:
 * - invite: owners and admins (`manageMembers`); role member, coach or admin, and only an owner
 *   invites an admin; someone already an active member is refused; the plan must have room for
 *   the active members, the open invitations and this one (PAYMENT_REQUIRED). One open invitation per
 *   workspace and e-mail: inviting again re-issues it (new token, new 7-day expiry, the new
 *   role), so the old link stops working. A retry is therefore safe without an idempotency key.
 * - revoke: owners and admins; revoking again answers the same; an accepted one cannot be.
 * - accept: the signed-in user whose e-mail (case-insensitive) is the invitation's presents the
 *   token; it must be neither revoked, expired nor used by someone else. Accepting twice answers
 *   the same. Someone who left comes back with their history; someone already a member keeps
 *   their role. A join needs room in the plan and is refused while invitations are paused
 *   (docs/domain.md "Dunning").
 * Only the token's SHA-256 is stored; the raw token exists in the link alone. With a delivery
 * (Clerk in production) the invitation is also sent there, after the transaction commits, and
 * the raw token is not handed out: the invitee joins through Clerk's e-mail.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db, TenantDb } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { assertBillingAllows } from "../../billing/dunning.ts";
import { assertMemberRoom } from "../../billing/limits.ts";
import { AppError } from "../../errors.ts";
import type { INVITABLE_ROLES, Role } from "../../permissions.ts";
import { pageArgs, pageFrom, type Page } from "../shared/pagination.ts";
import {
  admit,
  asMember,
  audit,
  billableMembers,
  lockWorkspace,
  requireManager,
  requireOwnerFor,
  type MembershipActor,
  type Tx,
} from "./memberships.ts";

export const INVITATION_VALID_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/**
 * Where an invitation is sent besides Atlas (Clerk's organization invitations in production;
 * none in embedded and test mode). The workspace id is the Clerk organization id (docs/adr/0003).
 */
export interface InvitationDelivery {
  send(invitation: {
    workspaceId: string;
    email: string;
    role: InvitableRole;
    inviterUserId: string;
  }): Promise<{ externalId: string }>;
  revoke(invitation: {
    workspaceId: string;
    externalId: string;
    requesterUserId: string;
  }): Promise<void>;
}

export interface InvitationOptions {
  /** The bypass client; tests pass their own (default: DATABASE_ADMIN_URL's). */
  db?: Db;
  delivery?: InvitationDelivery | null;
}

export interface InvitationRecord {
  id: string;
  email: string;
  role: InvitableRole;
  invitedById: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const RECORD = {
  id: true,
  email: true,
  role: true,
  invitedById: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

function toRecord(row: Omit<InvitationRecord, "role"> & { role: string }): InvitationRecord {
  return { ...row, role: row.role as InvitableRole };
}

/** Trimmed and lower-cased: the form every invitation stores and compares. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const onInvitation = (workspaceId: string, id: string) =>
  ({ workspaceId, type: "invitation", id }) as const;

export interface IssuedInvitation {
  invitation: InvitationRecord;
  /** The raw token for the link `/invite/<token>`; null when the delivery (Clerk) sent it. */
  token: string | null;
}

/** Invites `email` with `role`, or re-issues the open invitation of that address. */
export async function invite(
  actor: MembershipActor,
  input: { workspaceId: string; email: string; role: InvitableRole; now: Date },
  options: InvitationOptions = {},
): Promise<IssuedInvitation> {
  const { workspaceId, role, now } = input;
  const email = normalizeEmail(input.email);
  const token = randomBytes(32).toString("base64url");
  const written = await asMember(actor, workspaceId, "invite someone", options, async (acting) => {
    requireManager(acting);
    requireOwnerFor(acting, role);
    const { tx } = acting;
    const member = await tx.membership.findFirst({
      where: { workspaceId, leftAt: null, user: { email: { equals: email, mode: "insensitive" } } },
      select: { userId: true },
    });
    if (member) {
      throw new AppError("CONFLICT", `${email} is already a member of this workspace.`);
    }
    const data = {
      role,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS),
    };
    const open = await tx.invitation.findFirst({
      where: { workspaceId, email, acceptedAt: null, revokedAt: null },
      select: { id: true, clerkInvitationId: true },
    });
    // Each open invitation may still join: the plan must have room for all of them and this one.
    const othersInvited = await tx.invitation.count({
      where: {
        workspaceId,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
        NOT: { email },
      },
    });
    assertMemberRoom(
      acting.workspace.entitlements,
      (await billableMembers(tx, workspaceId)) + othersInvited + 1,
    );
    // The previous Clerk id stays until the new one is stored: a failed withdrawal is retried.
    const row = open
      ? await tx.invitation.update({ where: { id: open.id }, data, select: RECORD })
      : await tx.invitation.create({ data: { ...data, workspaceId, email }, select: RECORD });
    await audit(
      tx,
      actor,
      onInvitation(workspaceId, row.id),
      open ? "invitation.reissued" : "invitation.created",
      {
        email,
        role,
      },
    );
    return { row, replaced: open?.clerkInvitationId ?? null };
  });

  const { delivery } = options;
  if (!delivery) return { invitation: toRecord(written.row), token };
  // After the commit: no network call holds the workspace lock. A failure leaves the invitation
  // open without a delivery; inviting again re-issues and re-sends it.
  try {
    if (written.replaced !== null) {
      await delivery.revoke({
        workspaceId,
        externalId: written.replaced,
        requesterUserId: actor.userId,
      });
    }
    const { externalId } = await delivery.send({
      workspaceId,
      email,
      role,
      inviterUserId: actor.userId,
    });
    await withBypass(
      {
        actor: `${actor.source}:invitations`,
        reason: "record a sent invitation",
        workspaceId,
        actorUserId: actor.userId,
      },
      (db) =>
        db.invitation.update({
          where: { id: written.row.id },
          data: { clerkInvitationId: externalId },
        }),
      options.db,
    );
  } catch (error) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "The invitation is saved but could not be sent: invite the same address again in a moment.",
      undefined,
      { cause: error },
    );
  }
  return { invitation: toRecord(written.row), token: null };
}

export interface OpenInvitation extends Omit<InvitationRecord, "revokedAt"> {
  isExpired: boolean;
}

/** The bound workspace's open invitations (neither accepted nor revoked), oldest first. */
export async function listInvitations(
  db: TenantDb,
  workspaceId: string,
  input: { cursor?: string; limit: number; now: Date },
): Promise<Page<OpenInvitation>> {
  const page = pageArgs(input.cursor, input.limit);
  const { revokedAt: _open, ...select } = RECORD;
  const rows = await db.invitation.findMany({
    ...page,
    where: { ...page.where, workspaceId, acceptedAt: null, revokedAt: null },
    select,
  });
  const { items, nextCursor } = pageFrom(rows, input.limit, (r) => r.id);
  return {
    items: items.map((row) => ({
      ...row,
      role: row.role as InvitableRole,
      isExpired: row.expiresAt <= input.now,
    })),
    nextCursor,
  };
}

/** Withdraws an open invitation; its link stops working. */
export async function revokeInvitation(
  actor: MembershipActor,
  input: { workspaceId: string; invitationId: string; now: Date },
  options: InvitationOptions = {},
): Promise<InvitationRecord> {
  const { workspaceId, invitationId, now } = input;
  const revoked = await asMember(
    actor,
    workspaceId,
    "revoke an invitation",
    options,
    async (acting) => {
      requireManager(acting);
      const { tx } = acting;
      const row = await tx.invitation.findFirst({
        where: { id: invitationId, workspaceId },
        select: { ...RECORD, acceptedAt: true, clerkInvitationId: true },
      });
      if (!row) throw new AppError("NOT_FOUND", "There is no such invitation.");
      if (row.acceptedAt !== null) {
        throw new AppError(
          "CONFLICT",
          "This invitation was already accepted: remove the member instead.",
        );
      }
      if (row.revokedAt !== null) return row;
      const updated = await tx.invitation.update({
        where: { id: invitationId },
        data: { revokedAt: now },
        select: { ...RECORD, acceptedAt: true, clerkInvitationId: true },
      });
      await audit(tx, actor, onInvitation(workspaceId, invitationId), "invitation.revoked", {
        email: row.email,
        role: row.role,
      });
      return updated;
    },
  );
  // Every time, a retry included: withdrawing at Clerk is idempotent there.
  if (options.delivery && revoked.clerkInvitationId !== null) {
    await options.delivery
      .revoke({ workspaceId, externalId: revoked.clerkInvitationId, requesterUserId: actor.userId })
      .catch((error: unknown) => {
        throw new AppError(
          "PRECONDITION_FAILED",
          "The invitation is revoked here but its e-mail could not be withdrawn: revoke it again in a moment.",
          undefined,
          { cause: error },
        );
      });
  }
  const { acceptedAt: _a, clerkInvitationId: _c, ...record } = revoked;
  return toRecord(record);
}

export interface AcceptedInvitation {
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

async function findByToken(tx: Tx, token: string) {
  const row = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      workspaceId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
    },
  });
  if (!row)
    throw new AppError("NOT_FOUND", "This invitation link is not valid: ask for a new one.");
  return row;
}

/** The signed-in user joins the invitation's workspace. */
export async function acceptInvitation(
  actor: MembershipActor,
  input: { token: string; now: Date },
  options: Pick<InvitationOptions, "db"> = {},
): Promise<AcceptedInvitation> {
  const { now } = input;
  return withBypass(
    {
      actor: `${actor.source}:invitations`,
      reason: "accept an invitation",
      actorUserId: actor.userId,
    },
    (db) =>
      db.$transaction(async (tx) => {
        const found = await findByToken(tx, input.token);
        const workspace = await lockWorkspace(tx, found.workspaceId);
        // Re-read under the lock: a concurrent accept or revoke has finished by now.
        const invitation = await findByToken(tx, input.token);
        const { workspaceId } = invitation;
        const name = await tx.workspace.findUnique({
          where: { id: workspaceId },
          select: { name: true },
        });
        if (!workspace || !name) {
          throw new AppError("NOT_FOUND", "This invitation link is not valid: ask for a new one.");
        }
        const membership = await tx.membership.findUnique({
          where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
          select: { role: true, leftAt: true },
        });
        const joined = (role: string) => ({
          workspaceId,
          workspaceName: name.name,
          role: role as Role,
        });
        if (invitation.acceptedAt !== null) {
          if (invitation.acceptedById === actor.userId && membership?.leftAt === null) {
            return joined(membership.role);
          }
          throw new AppError("CONFLICT", "This invitation has already been used.");
        }
        if (invitation.revokedAt !== null) {
          throw new AppError(
            "PRECONDITION_FAILED",
            "This invitation was withdrawn: ask for a new one.",
          );
        }
        if (invitation.expiresAt <= now) {
          throw new AppError(
            "PRECONDITION_FAILED",
            "This invitation has expired: ask for a new one.",
          );
        }
        const user = await tx.user.findUnique({
          where: { id: actor.userId },
          select: { email: true },
        });
        if (!user || normalizeEmail(user.email) !== invitation.email) {
          throw new AppError(
            "FORBIDDEN",
            "This invitation was sent to another e-mail address: sign in with that address to accept it.",
          );
        }
        const isMember = membership?.leftAt === null;
        // A join is paused with invitations while a payment fails (docs/domain.md "Dunning").
        if (!isMember) assertBillingAllows(workspace.billing, "invite", now);
        const role = isMember
          ? membership.role
          : (
              await admit(
                tx,
                actor,
                { workspaceId, userId: actor.userId, role: invitation.role as Role },
                workspace,
                { invitationId: invitation.id },
              )
            ).role;
        await tx.invitation.update({
          where: { id: invitation.id },
          data: { acceptedAt: now, acceptedById: actor.userId },
        });
        await audit(tx, actor, onInvitation(workspaceId, invitation.id), "invitation.accepted", {
          email: invitation.email,
          role,
          alreadyMember: isMember,
        });
        return joined(role);
      }),
    options.db,
  );
}
