/**
 * Workspaces as their members see them: the caller's list, the roster and the settings.
 * Each function takes a tenant-bound client; row-level security is the second line of defence.
 */
import { can, type Role } from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import { pageArgs, pageFrom, type Page } from "../shared/pagination.ts";

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
  isActive: boolean;
}

/**
 * A page of the user's workspaces with their role, in creation (id) order (client bound to the
 * user only: row-level security shows the workspaces of their active memberships).
 */
export async function listMyWorkspaces(
  db: TenantDb,
  userId: string,
  activeWorkspaceId: string | null,
  page: { cursor?: string; limit: number },
): Promise<Page<WorkspaceSummary>> {
  const args = pageArgs(page.cursor, page.limit);
  const rows = await db.workspace.findMany({
    ...args,
    where: { ...args.where, memberships: { some: { userId, leftAt: null } } },
    select: {
      id: true,
      name: true,
      slug: true,
      memberships: { where: { userId, leftAt: null }, select: { role: true } },
    },
  });
  const { items, nextCursor } = pageFrom(rows, page.limit, (w) => w.id);
  return {
    items: items.map(({ memberships, ...workspace }) => ({
      ...workspace,
      role: memberships[0]!.role as Role,
      isActive: workspace.id === activeWorkspaceId,
    })),
    nextCursor,
  };
}

export interface Me {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user's own row (client bound to the user): the shell's name, the invite page. */
export async function getMe(db: TenantDb, userId: string): Promise<Me> {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
}

export interface MemberSummary {
  id: string;
  name: string;
  /** Null where the viewer may not see other members (see listMembers). */
  email: string | null;
  role: Role;
}

/**
 * The roster of the bound workspace, without members who left, one page at a time in user id
 * order (keyset on `userId`: the roster grows with the team). Everyone sees who is in it and
 * their roles (a member needs to know their coach); e-mail addresses of others only who may
 * `seeOthers` (coach, admin, owner, or every member when the workspace shares progress).
 */
export async function listMembers(
  db: TenantDb,
  workspaceId: string,
  viewer: { userId: string; role: Role; sharesProgress: boolean },
  input: { cursor?: string; limit: number },
): Promise<Page<MemberSummary>> {
  const page = pageArgs(input.cursor, input.limit, "userId");
  const rows = await db.membership.findMany({
    ...page,
    where: { ...page.where, workspaceId, leftAt: null },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  const { items, nextCursor } = pageFrom(rows, input.limit, (m) => m.user.id);
  const seesOthers = can("seeOthers", viewer);
  return {
    items: items.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      email: seesOthers || m.user.id === viewer.userId ? m.user.email : null,
      role: m.role as Role,
    })),
    nextCursor,
  };
}

export interface WorkspaceSettings {
  lateEntryWindowDays: number;
  sharesProgress: boolean;
  aiAcceptanceThreshold: number;
  defaultTimeZone: string;
}

const SETTINGS_SELECT = {
  lateEntryWindowDays: true,
  sharesProgress: true,
  aiAcceptanceThreshold: true,
  defaultTimeZone: true,
} as const;

function toSettings(row: {
  lateEntryWindowDays: number;
  sharesProgress: boolean;
  aiAcceptanceThreshold: { toNumber(): number };
  defaultTimeZone: string;
}): WorkspaceSettings {
  return { ...row, aiAcceptanceThreshold: row.aiAcceptanceThreshold.toNumber() };
}

export async function getWorkspaceSettings(
  db: TenantDb,
  workspaceId: string,
): Promise<WorkspaceSettings> {
  const row = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: SETTINGS_SELECT,
  });
  return toSettings(row);
}

export async function updateWorkspaceSettings(
  db: TenantDb,
  workspaceId: string,
  patch: Partial<WorkspaceSettings>,
): Promise<WorkspaceSettings> {
  const row = await db.workspace.update({
    where: { id: workspaceId },
    data: patch,
    select: SETTINGS_SELECT,
  });
  return toSettings(row);
}
