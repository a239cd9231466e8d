/**
 * The in-app inbox (docs/domain.md "Notifications", docs/architecture.md "Live inbox"): a member's
 * notifications in one workspace, newest first a page at a time, the unread count, marking read,
 * and what the live stream has not sent yet. Row-level security keeps a person's notifications
 * theirs (owner_isolation); the queries filter by workspace and user as well.
 */
import type { TenantDb } from "@atlas/db";
import type { DeepLink } from "../../notifications/categories.ts";
import { pageFrom, type Page } from "../shared/pagination.ts";

export interface InboxRecipient {
  workspaceId: string;
  userId: string;
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Where the notice leads (notify() stores the category's deep link), or null. */
  link: DeepLink | null;
  createdAt: string;
  readAt: string | null;
}

/** The unread count stops here: the bell shows "99+" beyond it, and the count stays one short read. */
export const UNREAD_COUNT_CAP = 100;

const ITEM_SELECT = {
  id: true,
  kind: true,
  title: true,
  body: true,
  data: true,
  createdAt: true,
  readAt: true,
} as const;

interface ItemRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: unknown;
  createdAt: Date;
  readAt: Date | null;
}

/** Only a path inside one of Atlas's apps: a stored link can never send a member elsewhere. */
function linkOf(data: unknown): DeepLink | null {
  const link = (data as { link?: { app?: unknown; path?: unknown } } | null)?.link;
  if (link?.app !== "web" && link?.app !== "admin") return null;
  const { path } = link;
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) return null;
  return { app: link.app, path };
}

function itemOut(row: ItemRow): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: linkOf(row.data),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

const mine = (r: InboxRecipient) => ({ workspaceId: r.workspaceId, userId: r.userId });

/** One page, newest first (ids are UUIDv7: id order is creation order); `cursor` = last id seen. */
export async function listInbox(
  db: TenantDb,
  recipient: InboxRecipient,
  page: { cursor?: string; limit: number; unreadOnly?: boolean },
): Promise<Page<InboxItem>> {
  const rows = await db.notification.findMany({
    where: {
      ...mine(recipient),
      ...(page.cursor === undefined ? {} : { id: { lt: page.cursor } }),
      ...(page.unreadOnly ? { readAt: null } : {}),
    },
    select: ITEM_SELECT,
    orderBy: { id: "desc" },
    take: page.limit + 1,
  });
  const { items, nextCursor } = pageFrom(rows, page.limit, (r) => r.id);
  return { items: items.map(itemOut), nextCursor };
}

/** Unread notifications, counted up to UNREAD_COUNT_CAP. */
export async function countUnread(db: TenantDb, recipient: InboxRecipient): Promise<number> {
  return db.notification.count({
    where: { ...mine(recipient), readAt: null },
    take: UNREAD_COUNT_CAP,
  });
}

/** Marks `ids` read (ids already read or not the caller's change nothing); the new unread count. */
export async function markRead(
  db: TenantDb,
  recipient: InboxRecipient,
  ids: string[],
  now: Date,
): Promise<{ unreadCount: number }> {
  await db.notification.updateMany({
    where: { ...mine(recipient), id: { in: ids }, readAt: null },
    data: { readAt: now },
  });
  return { unreadCount: await countUnread(db, recipient) };
}

/** Marks every unread notification read. */
export async function markAllRead(
  db: TenantDb,
  recipient: InboxRecipient,
  now: Date,
): Promise<{ unreadCount: number }> {
  await db.notification.updateMany({
    where: { ...mine(recipient), readAt: null },
    data: { readAt: now },
  });
  return { unreadCount: 0 };
}

/**
 * How far back the live stream re-reads before its last sent id. A notification's id is made
 * before its transaction commits, so one committed a moment late can carry an id below one
 * already sent; re-reading this window (minus what was sent) catches it. Keeps reads bounded.
 */
export const LIVE_REREAD_MS = 10_000;

/** The smallest UUIDv7 of `ms` (its first 48 bits are the Unix time in milliseconds). */
export function uuidV7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The Unix time in milliseconds of a UUIDv7, or null when `id` is not one. */
export function uuidV7Ms(id: string): number | null {
  const match = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(id);
  return match ? parseInt(match[1]! + match[2]!, 16) : null;
}

/**
 * The oldest notifications after `floor` (an id) that the stream has not sent (`sent`), oldest
 * first, at most `limit`.
 */
export async function notificationsAfter(
  db: TenantDb,
  recipient: InboxRecipient,
  floor: string,
  sent: readonly string[],
  limit: number,
): Promise<InboxItem[]> {
  const rows = await db.notification.findMany({
    where: {
      ...mine(recipient),
      id: { gt: floor, ...(sent.length > 0 ? { notIn: [...sent] } : {}) },
    },
    select: ITEM_SELECT,
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map(itemOut);
}
