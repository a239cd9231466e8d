/** What the stored rows must equal: one pure full run of the engine, in the stored rows' form. */
import type { TenantDb } from "@atlas/db";
import { localToday, type LocalDate } from "@atlas/time";
import { deriveMember } from "../../../derive/derive-member.ts";
import {
  habitDayValues,
  memberDayValues,
  readStoredRows,
  type HabitDayValues,
  type MemberDayValues,
} from "../derived-rows.ts";
import { firstDayOf, loadMemberContexts } from "../member-history.ts";

export interface Rows {
  memberDays: MemberDayValues[];
  habitDays: HabitDayValues[];
}

const byDay = (a: { localDate: string }, b: { localDate: string }) =>
  a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0;
const byDayHabit = (a: HabitDayValues, b: HabitDayValues) =>
  byDay(a, b) || (a.habitId < b.habitId ? -1 : a.habitId > b.habitId ? 1 : 0);

export function sortRows(rows: Rows): Rows {
  return {
    memberDays: [...rows.memberDays].sort(byDay),
    habitDays: [...rows.habitDays].sort(byDayHabit),
  };
}

/** The full run from the member's first day through `to` (default: its today) as of `now`. */
export async function expectedRows(
  db: TenantDb,
  scope: { workspaceId: string; memberId: string },
  now: Date,
  to?: (today: LocalDate) => LocalDate,
): Promise<Rows & { today: LocalDate; firstDay: LocalDate }> {
  return db.$transaction(async (tx) => {
    const contexts = await loadMemberContexts(tx, {
      workspaceId: scope.workspaceId,
      memberIds: [scope.memberId],
    });
    const context = contexts.get(scope.memberId)!;
    const today = localToday(context.timeSettings, now);
    const firstDay = firstDayOf(context);
    const result = deriveMember(
      context.history,
      { from: firstDay, to: to === undefined ? today : to(today) },
      { today },
    );
    return {
      ...sortRows({
        memberDays: result.days.map(memberDayValues),
        habitDays: result.habitDays.map(habitDayValues),
      }),
      today,
      firstDay,
    };
  });
}

export async function storedRows(
  db: TenantDb,
  scope: { workspaceId: string; memberId: string },
): Promise<Rows & { closed: LocalDate[] }> {
  const stored = await db.$transaction((tx) => readStoredRows(tx, scope));
  return { ...sortRows(stored), closed: stored.closed };
}
