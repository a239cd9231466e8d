/**
 * The member the notice suites set up (this folder's job-notices.int.test.ts, packages/jobs'
 * notifications.int.test.ts): a fresh member of the seeded "demo" workspace in a zone of the
 * suite's choosing, who would be flagged to whom, and the rows the notices are selected from
 * (docs/domain.md "Overload notices", "Streak monitoring"). Every write stands at an instant
 * named by the suite, never the wall clock.
 */
import { randomUUID } from "node:crypto";
import { createTenantDb, type Db } from "@atlas/db";
import { addDays, localDayStart, type LocalDate } from "@atlas/time";
import type { EntitlementSnapshot } from "../../billing/plan-catalog.ts";
import { actorOf } from "../access/access.ts";
import { appendEvent } from "../log/log.ts";
import { createHabit } from "../plans/habits.ts";
import { toDbDate } from "../shared/db-date.ts";

const NOON_MINUTES = 12 * 60;

export interface NoticeMember {
  workspaceId: string;
  memberId: string;
  timeZone: string;
  /** The workspace's owners, admins and coaches: whom a coach flag about the member reaches. */
  coachIds: string[];
  /** The instant the member's wall clock reads `time` ("HH:MM") on `date`. */
  at(date: LocalDate, time: string): Date;
  /** Seven closed days within capacity, then `day` closed over it: an overload level that rose. */
  overloadOn(day: LocalDate): Promise<void>;
  /** A daily habit created on `from` at 08:00, checked in at 20:00 on `metDays` days from `from`. */
  dailyHabit(from: LocalDate, metDays: number): Promise<string>;
}

/** A member of "demo" since `joinedOn` (08:00 their time), in `timeZone` from that day on. */
export async function newNoticeMember(
  clients: { admin: Db; app: Db },
  options: { timeZone: string; joinedOn: LocalDate },
): Promise<NoticeMember> {
  const { admin, app } = clients;
  const { timeZone, joinedOn } = options;
  const workspace = await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
  const workspaceId = workspace.id;
  // Up to noon the zone's own day start reads the wall clock (daylight saving included); later
  // times count from noon, past the hours a change of offset skips or repeats.
  const at = (date: LocalDate, time: string) => {
    const [hours, minutes] = time.split(":").map(Number) as [number, number];
    const fromNoon = hours * 60 + minutes - NOON_MINUTES;
    if (fromNoon <= 0) return localDayStart(date, timeZone, hours * 60 + minutes);
    return new Date(localDayStart(date, timeZone, NOON_MINUTES).getTime() + fromNoon * 60_000);
  };
  const user = await admin.user.create({
    data: { email: `${randomUUID()}@atlas.test`, name: "Notice Member" },
  });
  const memberId = user.id;
  await admin.userTimeSetting.create({
    data: { userId: memberId, effectiveFrom: toDbDate(joinedOn), timeZone, dayStartMinutes: 0 },
  });
  await admin.membership.create({
    data: { workspaceId, userId: memberId, role: "member", createdAt: at(joinedOn, "08:00") },
  });
  const coaches = await admin.membership.findMany({
    where: { workspaceId, leftAt: null, role: { in: ["owner", "admin", "coach"] } },
    select: { userId: true },
  });
  const db = createTenantDb(app, { workspaceId, userId: memberId });
  const actor = actorOf({
    source: "web",
    membership: { userId: memberId, role: "member" },
    workspace: {
      ...workspace,
      entitlements: workspace.entitlements as unknown as EntitlementSnapshot,
    },
  });

  return {
    workspaceId,
    memberId,
    timeZone,
    coachIds: coaches.map((c) => c.userId),
    at,
    overloadOn: async (day) => {
      await admin.memberDayScore.createMany({
        data: [7, 6, 5, 4, 3, 2, 1, 0].map((i) => ({
          workspaceId,
          memberId,
          localDate: toDbDate(addDays(day, -i)),
          loadMinutes: i === 0 ? 400 : 300,
          capacityMinutes: 360,
          closedAt: at(addDays(day, 1 - i), "00:05"),
        })),
      });
    },
    dailyHabit: async (from, metDays) => {
      const habit = await createHabit(db, actor, at(from, "08:00"), {
        idempotencyKey: randomUUID(),
        title: "Stretch",
        goalId: null,
        schedule: { type: "daily" },
        target: null,
        durationMinutes: 10,
        startDate: null,
      });
      for (let i = 0; i < metDays; i++) {
        await appendEvent(db, actor, at(addDays(from, i), "20:00"), {
          action: "check_in",
          idempotencyKey: randomUUID(),
          habitId: habit.id,
        });
      }
      return habit.id;
    },
  };
}
