/**
 * The platform audit page (docs/architecture.md "Platform admin"): every AuditLog entry, newest
 * first, filtered by workspace, actor, action and time. Entries without a workspace (the
 * platform's own) are reachable only by the bypass client, so this read uses it, audited.
 */
import type { Prisma } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { pageFrom, type Page } from "../shared/pagination.ts";
import type { PlatformActor, PlatformOptions } from "./tenants.ts";

export interface AuditFilter {
  workspaceId?: string;
  actorUserId?: string;
  /** An action ("support.read") or its prefix ("support."). */
  action?: string;
  /** From this instant (inclusive). */
  from?: Date;
  /** Until this instant (exclusive). */
  to?: Date;
}

export interface AuditEntry {
  id: string;
  createdAt: string;
  workspaceId: string | null;
  /** The workspace's name, or null when it has none or it was erased. */
  workspaceName: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  metadata: Record<string, unknown>;
}

/**
 * Keyset pages in descending id order: ids are UUIDv7, so that is newest first, and a page never
 * repeats or skips an entry however many are written meanwhile (new ones sort before the cursor).
 */
export async function listAuditLog(
  actor: PlatformActor,
  input: { filter: AuditFilter; cursor?: string; limit: number },
  options: PlatformOptions = {},
): Promise<Page<AuditEntry>> {
  const { filter } = input;
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.workspaceId === undefined ? {} : { workspaceId: filter.workspaceId }),
    ...(filter.actorUserId === undefined ? {} : { actorUserId: filter.actorUserId }),
    ...(filter.action === undefined ? {} : { action: { startsWith: filter.action } }),
    ...(filter.from === undefined && filter.to === undefined
      ? {}
      : { createdAt: { gte: filter.from, lt: filter.to } }),
    ...(input.cursor === undefined ? {} : { id: { lt: input.cursor } }),
  };
  return withBypass(
    {
      actor: `${actor.source}:platform-admin`,
      reason: "platform admin: audit log",
      actorUserId: actor.userId,
    },
    (db) =>
      db.$transaction(async (tx) => {
        const rows = await tx.auditLog.findMany({
          where,
          orderBy: { id: "desc" },
          take: input.limit + 1,
        });
        const page = pageFrom(rows, input.limit, (r) => r.id);
        const ids = <K extends "workspaceId" | "actorUserId">(key: K) => [
          ...new Set(page.items.flatMap((r) => (r[key] === null ? [] : [r[key]!]))),
        ];
        const workspaces = await tx.workspace.findMany({
          where: { id: { in: ids("workspaceId") } },
          select: { id: true, name: true },
        });
        const users = await tx.user.findMany({
          where: { id: { in: ids("actorUserId") } },
          select: { id: true, email: true },
        });
        const nameOf = new Map(workspaces.map((w) => [w.id, w.name]));
        const emailOf = new Map(users.map((u) => [u.id, u.email]));
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => ({
            id: r.id,
            createdAt: r.createdAt.toISOString(),
            workspaceId: r.workspaceId,
            workspaceName: r.workspaceId === null ? null : (nameOf.get(r.workspaceId) ?? null),
            actorUserId: r.actorUserId,
            actorEmail: r.actorUserId === null ? null : (emailOf.get(r.actorUserId) ?? null),
            action: r.action,
            targetType: r.targetType,
            targetId: r.targetId,
            metadata: (r.metadata ?? {}) as Record<string, unknown>,
          })),
        };
      }),
    options.db,
  );
}
