/**
 * Keyset pagination in id order. Ids are UUIDv7 (time-ordered text), so id order is creation
 * order and stable under inserts: a page never repeats or skips a row that existed when the
 * listing began. The cursor is the last id of the previous page. A table keyed otherwise pages
 * on its own unique id column (memberships: `userId` within the workspace).
 */
import { Prisma } from "@atlas/db";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `rows` in id order with at most one row beyond the page: the page and its next cursor. */
export function pageFrom<T>(rows: T[], limit: number, idOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? idOf(last) : null };
}

/**
 * Prisma arguments for one page after `cursor` on the column `key` (default `id`); one extra row
 * tells whether a next page exists.
 */
export function pageArgs<K extends string = "id">(
  cursor: string | undefined,
  limit: number,
  key: K = "id" as K,
) {
  return {
    where: (cursor === undefined ? {} : { [key]: { gt: cursor } }) as Partial<
      Record<K, { gt: string }>
    >,
    orderBy: { [key]: "asc" } as Record<K, "asc">,
    take: limit + 1,
  };
}

/**
 * The same page in SQL, for a filter Prisma cannot express: `after` goes into the WHERE clause,
 * `orderAndLimit` ends the query. `id` is the id column (e.g. `Prisma.raw('t.id')`).
 */
export function pageSql(id: Prisma.Sql, cursor: string | undefined, limit: number) {
  return {
    after: cursor === undefined ? Prisma.sql`TRUE` : Prisma.sql`${id} > ${cursor}`,
    orderAndLimit: Prisma.sql`ORDER BY ${id} LIMIT ${limit + 1}`,
  };
}
