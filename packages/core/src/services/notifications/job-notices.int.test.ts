/**
 * The jobs' notice selection on the seeded database, as the application role, from stored rows
 * of a member set up here (testing.ts), at instants on their clock: the day that just closed
 * raises overload (member + coach flag) and breaks a streak; an hour later nothing is selected
 * again; the evening reminder picks the 19:00 hour.
 */
import { createPrismaClient, createTenantDb, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { addDays, dayKey, localDayRange, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDbDate } from "../shared/db-date.ts";
import { dayCloseNotices, eveningStreakNotices } from "./job-notices.ts";
import { newNoticeMember } from "./testing.ts";

let database: TestDatabase;
let admin: Db;
let app: Db;
let workspaceId: string;
let memberId: string;
let coachIds: string[];
let habitId: string;
let day: LocalDate;
const timeZone = "Europe/Berlin";

const tenant = () => createTenantDb(app, { workspaceId, userId: null });

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  day = addDays(dayKey(new Date(), timeZone, 0), 3);
  const member = await newNoticeMember({ admin, app }, { timeZone, joinedOn: addDays(day, -8) });
  ({ workspaceId, memberId, coachIds } = member);
  await member.overloadOn(day);
  habitId = await member.dailyHabit(addDays(day, -8), 0);
  await admin.habitDayValue.createMany({
    data: [
      {
        workspaceId,
        memberId,
        habitId,
        localDate: toDbDate(addDays(day, -1)),
        streak: 5,
        state: "met",
      },
      { workspaceId, memberId, habitId, localDate: toDbDate(day), streak: 0, state: "missed" },
    ],
  });
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("dayCloseNotices", () => {
  const nextDayStart = () => localDayRange(addDays(day, 1), timeZone, 0).start;

  it("in the hour after the member's day began: overload rose, a coach flag each, a streak broken", async () => {
    const now = new Date(nextDayStart().getTime() + 10 * 60_000);
    const notices = await dayCloseNotices(tenant(), { workspaceId, now });
    const mine = notices.filter((n) => n.userId === memberId);
    expect(mine).toEqual([
      {
        userId: memberId,
        category: "overload",
        payload: { localDate: day, level: "over", overloadedDays: 1 },
        dedupeKey: `overload:${day}`,
      },
      expect.objectContaining({
        category: "streak_broken",
        payload: expect.objectContaining({ habitId, streak: 5, localDate: day }),
        dedupeKey: `streak_broken:${habitId}:${day}`,
      }),
    ]);
    const flags = notices.filter((n) => n.category === "coach_flag");
    expect(flags.map((f) => f.userId).sort()).toEqual([...coachIds].sort());
    for (const flag of flags) {
      expect(flag.dedupeKey).toBe(`coach_flag:overloaded:${memberId}:${day}`);
      expect(flag.payload).toMatchObject({ memberId, flag: "overloaded", level: "over" });
    }
  });

  it("an hour later the same day selects nothing for that member", async () => {
    const now = new Date(nextDayStart().getTime() + 70 * 60_000);
    const notices = await dayCloseNotices(tenant(), { workspaceId, now });
    expect(notices.filter((n) => n.userId === memberId || n.category === "coach_flag")).toEqual([]);
  });

  it("a paused member is not notified and not flagged", async () => {
    const [setBy] = coachIds;
    await admin.memberStatus.create({
      data: { workspaceId, memberId, kind: "vacation", setById: setBy! },
    });
    const now = new Date(nextDayStart().getTime() + 10 * 60_000);
    const notices = await dayCloseNotices(tenant(), { workspaceId, now });
    expect(notices.filter((n) => n.userId === memberId || n.category === "coach_flag")).toEqual([]);
    await admin.memberStatus.delete({ where: { workspaceId_memberId: { workspaceId, memberId } } });
  });
});

describe("eveningStreakNotices", () => {
  it("outside the member's 19:00 hour selects nothing for them", async () => {
    const now = localDayRange(addDays(day, 1), timeZone, 12 * 60).start;
    const notices = await eveningStreakNotices(tenant(), { workspaceId, now });
    expect(notices.filter((n) => n.userId === memberId)).toEqual([]);
  });

  it("in the 19:00 hour, a member whose yesterday held no streak is not read at all", async () => {
    // Yesterday's stored streak was 0 (broken): no candidate, whatever Today would say.
    const now = new Date(
      localDayRange(addDays(day, 1), timeZone, 12 * 60).start.getTime() +
        7 * 3_600_000 +
        5 * 60_000,
    );
    const notices = await eveningStreakNotices(tenant(), { workspaceId, now });
    expect(notices.filter((n) => n.userId === memberId)).toEqual([]);
  });
});
