/**
 * Who may act on whose plans and log (the table of docs/domain.md "Permissions", read through core's `can`):
 * everyone on their own; `seeOthers` to read another member's; `editOthersPlans` to write them.
 * Also the owning member's time settings, from which every "today" of a plan or log write comes.
 */
import {
  AppError,
  can,
  type CapabilityName,
  type EntitlementSnapshot,
  type Role,
} from "@atlas/core";
import { localToday, type LocalDate, type TimeSettingVersion } from "@atlas/time";
import type { EventSource, TenantTx as Tx } from "@atlas/db";
import { fromDbDate } from "../shared/db-date.ts";

/** What a capability lets one do, for refusals ("Your role (member) may not …"). */
export const DESCRIBE: Record<CapabilityName, string> = {
  ownPlans: "keep plans here",
  seeOthers: "see other members' progress in this workspace",
  editOthersPlans: "edit another member's plans",
  lateEntryOverride: "record entries past the late-entry window",
  approveSuggestions: "approve AI suggestions",
  coachNotes: "write coach notes",
  manageMembers: "manage members and roles",
  manageSettings: "change workspace settings",
  exportData: "export the workspace's data",
  seeBilling: "see billing",
  billing: "manage billing",
  deleteWorkspace: "delete the workspace",
  supportAccess: "decide on Atlas support access",
  adminConsole: "use the admin console",
};

/** The caller, as the workspace procedure established them. */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: Role;
  sharesProgress: boolean;
  lateEntryWindowDays: number;
  /** What the workspace's plan includes (its snapshot, read with the membership; docs/adr/0009). */
  entitlements: EntitlementSnapshot;
  /** Where the call comes from (web, admin, job, ai, import): recorded on every log write. */
  source: EventSource;
}

/** What a workspace procedure's context holds, turned into an Actor. */
export function actorOf(ctx: {
  source: EventSource;
  membership: { userId: string; role: Role };
  workspace: {
    id: string;
    sharesProgress: boolean;
    lateEntryWindowDays: number;
    entitlements: EntitlementSnapshot;
  };
}): Actor {
  return {
    workspaceId: ctx.workspace.id,
    userId: ctx.membership.userId,
    role: ctx.membership.role,
    sharesProgress: ctx.workspace.sharesProgress,
    lateEntryWindowDays: ctx.workspace.lateEntryWindowDays,
    entitlements: ctx.workspace.entitlements,
    source: ctx.source,
  };
}

export function may(actor: Actor, capability: CapabilityName): boolean {
  return can(capability, { role: actor.role, sharesProgress: actor.sharesProgress });
}

export function forbidden(actor: Actor, capability: CapabilityName): AppError {
  return new AppError("FORBIDDEN", `Your role (${actor.role}) may not ${DESCRIBE[capability]}.`);
}

/** read: see it; write: change it (plans) or record for it (log). */
export type Intent = "read" | "write";

/** Refuses unless the actor owns the plans of `ownerId` or holds the capability for others'. */
export function assertMayActFor(actor: Actor, ownerId: string, intent: Intent): void {
  if (ownerId === actor.userId) return;
  const capability = intent === "read" ? "seeOthers" : "editOthersPlans";
  if (!may(actor, capability)) throw forbidden(actor, capability);
}

/** A member of the workspace whose plans are being read or written. */
export interface Member {
  userId: string;
  timeSettings: TimeSettingVersion[];
}

/** The member's local today at `instant` (their versioned time zone and day start). */
export function todayOf(member: Member, instant: Date): LocalDate {
  return localToday(member.timeSettings, instant);
}

export async function loadMember(tx: Tx, workspaceId: string, userId: string): Promise<Member> {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { userId: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
  const rows = await tx.userTimeSetting.findMany({
    where: { userId },
    select: { effectiveFrom: true, timeZone: true, dayStartMinutes: true },
    orderBy: { effectiveFrom: "asc" },
  });
  return {
    userId,
    timeSettings: rows.map((r) => ({ ...r, effectiveFrom: fromDbDate(r.effectiveFrom) })),
  };
}

/**
 * The member a call is about: `memberId` when given (checked against the permission table first,
 * then against the roster), else the caller.
 */
export async function resolveMember(
  tx: Tx,
  actor: Actor,
  memberId: string | undefined,
  intent: Intent,
): Promise<Member> {
  const userId = memberId ?? actor.userId;
  assertMayActFor(actor, userId, intent);
  return loadMember(tx, actor.workspaceId, userId);
}
