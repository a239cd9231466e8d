/**
 * The workspace's execution log for export (docs/domain.md "Data export"): every entry of every
 * member, oldest first, one keyset page at a time (ids are time-ordered UUIDv7 on the
 * (workspaceId, id) index), so an export of any length holds one page in memory and each page
 * costs the same. Starting an export (the first page) writes `export.log` to the audit log.
 */
import type { TenantDb } from "@atlas/db";
import type { Actor } from "../access/access.ts";
import { fromDbDate } from "../shared/db-date.ts";
import { pageArgs, pageFrom, type Page } from "../shared/pagination.ts";
import { decimalToMilli } from "../shared/values.ts";
import { valueText } from "../views/member-view.ts";

/** The file's columns, in order (its header line). */
export const EXPORT_LOG_COLUMNS = [
  "id",
  "localDate",
  "memberId",
  "memberName",
  "memberEmail",
  "itemType",
  "itemId",
  "itemTitle",
  "kind",
  "value",
  "note",
  "occurredAt",
  "recordedAt",
  "recordedById",
  "source",
  "revertsId",
  "isOverride",
] as const;

export type ExportedEntry = {
  [K in (typeof EXPORT_LOG_COLUMNS)[number]]: K extends "isOverride"
    ? boolean
    : K extends "value" | "note" | "revertsId"
      ? string | null
      : string;
};

export async function exportLogPage(
  db: TenantDb,
  actor: Actor,
  input: { cursor?: string; limit: number },
  now: Date,
): Promise<Page<ExportedEntry>> {
  const page = pageArgs(input.cursor, input.limit);
  const rows = await db.$transaction(async (tx) => {
    if (input.cursor === undefined) {
      await tx.auditLog.create({
        data: {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: "export.log",
          targetType: "workspace",
          targetId: actor.workspaceId,
          metadata: { format: "csv", source: actor.source },
          createdAt: now,
        },
      });
    }
    return tx.executionEvent.findMany({
      ...page,
      where: { ...page.where, workspaceId: actor.workspaceId },
      select: {
        id: true,
        localDate: true,
        memberId: true,
        habitId: true,
        taskId: true,
        kind: true,
        value: true,
        note: true,
        occurredAt: true,
        recordedAt: true,
        recordedById: true,
        source: true,
        revertsId: true,
        isOverride: true,
        member: { select: { user: { select: { name: true, email: true } } } },
        habit: { select: { title: true } },
        task: { select: { title: true } },
      },
    });
  });
  const { items, nextCursor } = pageFrom(rows, input.limit, (r) => r.id);
  return {
    items: items.map((r) => ({
      id: r.id,
      localDate: fromDbDate(r.localDate),
      memberId: r.memberId,
      memberName: r.member.user.name,
      memberEmail: r.member.user.email,
      itemType: r.habitId !== null ? "habit" : "task",
      itemId: (r.habitId ?? r.taskId)!,
      itemTitle: r.habit?.title ?? r.task?.title ?? "",
      kind: r.kind,
      value: r.value === null ? null : valueText(decimalToMilli(r.value)),
      note: r.note,
      occurredAt: r.occurredAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
      recordedById: r.recordedById,
      source: r.source,
      revertsId: r.revertsId,
      isOverride: r.isOverride,
    })),
    nextCursor,
  };
}
