/**
 * The coach's portfolio (docs/domain.md "Coach risk"): ranking, flags and reasons from arranged
 * stored rows; member statuses pause flags and expire; a coach of A sees nothing of B; members
 * are refused. Days in 2031, after everything the seed wrote, so only the arranged rows count.
 */
import { createTenantDb } from "@atlas/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness, type Person } from "./testing/harness.ts";
import { allPages } from "./testing/pages.ts";

const NOW = new Date("2031-03-20T12:00:00Z"); // Thursday 20 March 2031 for every seeded zone
const clockAt = (iso: string) => ({ clock: { now: () => new Date(iso) } });
const AT_NOW = { clock: { now: () => NOW } };

let h: Harness;
let demo: string;

/** 14 closed days (6 … 19 March) of `score(i)` with 2 items due, plus today's row. */
async function arrangeDays(
  who: Person,
  score: (i: number) => number,
  extra: { consistency?: string; load?: (i: number) => number; cap?: number } = {},
) {
  const memberId = h.userIds[who];
  for (let i = 0; i <= 14; i++) {
    const s = score(i);
    await h.admin.$executeRaw`
      INSERT INTO "MemberDayScore" ("workspaceId", "memberId", "localDate", "scoreNumerator",
        "scoreDenominator", "score", "dueCount", "doneCount", "consistency", "loadMinutes",
        "capacityMinutes", "closedAt")
      VALUES (${demo}, ${memberId}, ${`2031-03-${String(6 + i).padStart(2, "0")}`}::date, ${s},
        100, ${s}, 2, 1, ${extra.consistency ?? "0.70000"}::numeric, ${extra.load?.(i) ?? 60},
        ${extra.cap ?? 360}, ${i < 14 ? NOW : null})`;
  }
}

/** One check-in on `localDate` for the member's first habit. */
async function arrangeEvent(who: Person, localDate: string) {
  const memberId = h.userIds[who];
  const habit = await h.admin.habit.findFirstOrThrow({ where: { workspaceId: demo, memberId } });
  await h.admin.executionEvent.create({
    data: {
      workspaceId: demo,
      memberId,
      habitId: habit.id,
      kind: "done",
      localDate: new Date(`${localDate}T00:00:00Z`),
      occurredAt: new Date(`${localDate}T09:00:00Z`),
      recordedById: memberId,
      source: "web",
      idempotencyKey: `portfolio-${who}-${localDate}`,
    },
  });
  return habit.id;
}

beforeAll(async () => {
  h = await createHarness();
  demo = h.workspaceIds.demo;
  // Nora slips: 95 falling 5 a day.
  await arrangeDays("nora", (i) => 95 - 5 * i);
  await arrangeEvent("nora", "2031-03-19");
  // Bernd: steady scores, no check-in in the window: inactive.
  await arrangeDays("bernd", () => 60, { consistency: "0.60000" });
  // Kenji: over capacity on three of the last seven days (critical); one streak due today.
  await arrangeDays("kenji", () => 80, { load: (i) => (i >= 12 ? 500 : 60), cap: 360 });
  const kenjiHabit = await arrangeEvent("kenji", "2031-03-19");
  await h.admin.habitDayValue.create({
    data: {
      workspaceId: demo,
      memberId: h.userIds.kenji,
      habitId: kenjiHabit,
      localDate: new Date("2031-03-20T00:00:00Z"),
      state: "pending",
      streak: 5,
    },
  });
  // Sam broke a 12-day streak on Monday 17 March (the checkpoint of yesterday holds it).
  await arrangeDays("sam", () => 70);
  await arrangeEvent("sam", "2031-03-19");
  await h.admin.memberDeriveCheckpoint.create({
    data: {
      workspaceId: demo,
      memberId: h.userIds.sam,
      localDate: new Date("2031-03-19T00:00:00Z"),
      state: {
        version: 1,
        through: "2031-03-19",
        consistency: 0.7,
        lastRaw: null,
        scoredDays: 40,
        habits: { x: { streak: { lastLongBreak: { localDate: "2031-03-17", length: 12 } } } },
      },
    },
  });
  // Olivia slips too, but is on leave through 25 March.
  await arrangeDays("owner", (i) => 95 - 5 * i);
  await h.admin.memberStatus.create({
    data: {
      workspaceId: demo,
      memberId: h.userIds.owner,
      kind: "on_leave",
      untilDate: new Date("2031-03-25T00:00:00Z"),
      setById: h.userIds.coach,
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const demoLines = async (who: Person = "coach", options = AT_NOW) =>
  (await h.asAdmin(who, null, options).portfolio.list({ workspaceId: demo })).items;

describe("the ranking", () => {
  it("ranks by risk with a reason per flag; a member on leave comes last, unflagged", async () => {
    const lines = await demoLines();
    expect(lines.map((l) => [l.name, l.riskScore, l.flags.map((f) => [f.flag, f.reason])])).toEqual(
      [
        ["Nora Newman", 30, [["slipping", "Score fell from 95 to 30 over 14 days"]]],
        ["Bernd Becker", 25, [["inactive", expect.stringMatching(/^No check-in for \d+ days$/)]]],
        ["Kenji Kato", 25, [["overloaded", "Critically overloaded 3 of the last 7 days"]]],
        ["Sam Sutherland", 15, [["streak_broken", "Broke a streak of 12 on Mon"]]],
        ["Olivia Owner", 0, []],
      ],
    );
    const [nora, , kenji, , olivia] = lines;
    expect(nora!.sparkline).toHaveLength(14);
    expect(nora!.sparkline[0]).toEqual({ date: "2031-03-06", score: 95 });
    expect(nora!.sparkline.at(-1)).toEqual({ date: "2031-03-19", score: 30 });
    expect(nora!.consistency).toBe(0.7);
    expect(nora!.lastCheckInAt).toEqual(new Date("2031-03-19T09:00:00Z"));
    expect(kenji!.overload).toEqual({ level: "critical", overloadedDays: 3 });
    expect(kenji!.streaksAtRisk).toBe(1);
    expect(olivia!.status).toEqual({ kind: "on_leave", note: null, untilDate: "2031-03-25" });
  });

  it("filters by flag and by name, and pages without repeating or skipping", async () => {
    const coach = h.asAdmin("coach", null, AT_NOW);
    const slipping = await coach.portfolio.list({ flag: "slipping" });
    expect(slipping.items.map((l) => l.name)).toEqual(["Nora Newman"]);
    expect(slipping.total).toBe(1);
    const search = await coach.portfolio.list({ search: "BER" });
    expect(search.items.map((l) => l.name)).toEqual(["Bernd Becker"]);

    const all = await coach.portfolio.list();
    const paged = await allPages((cursor) =>
      coach.portfolio.list({ limit: 2, ...(cursor && { cursor }) }),
    );
    expect(paged.map((l) => `${l.workspaceId}/${l.memberId}`)).toEqual(
      all.items.map((l) => `${l.workspaceId}/${l.memberId}`),
    );
    expect(all.total).toBe(7);
    expect((await rejectionOf(coach.portfolio.list({ cursor: "nonsense" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("member status", () => {
  it("pauses the flags through its end date, then stops by itself; audited once", async () => {
    const coach = h.asAdmin("coach", null, AT_NOW);
    const input = {
      workspaceId: demo,
      memberId: h.userIds.nora,
      kind: "vacation" as const,
      note: "Skiing",
      untilDate: "2031-03-22",
    };
    expect(await coach.portfolio.setStatus(input)).toMatchObject({ isActive: true });
    await coach.portfolio.setStatus(input);
    const audits = await h.admin.auditLog.findMany({
      where: { action: "member.status_set", targetId: h.userIds.nora },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(h.userIds.coach);

    const paused = await demoLines();
    expect(paused.at(-1)).toMatchObject({ name: "Olivia Owner" });
    const nora = paused.find((l) => l.name === "Nora Newman")!;
    expect([nora.riskScore, nora.flags, nora.status?.kind]).toEqual([0, [], "vacation"]);

    // The 22nd is the last paused day in New York; on the 23rd the flags are back.
    const on22 = await demoLines("coach", clockAt("2031-03-23T03:00:00Z"));
    expect(on22.find((l) => l.name === "Nora Newman")!.status).not.toBeNull();
    const on23 = await demoLines("coach", clockAt("2031-03-23T12:00:00Z"));
    const back = on23.find((l) => l.name === "Nora Newman")!;
    expect([back.status, back.flags.map((f) => f.flag)]).toEqual([null, ["slipping"]]);

    expect(await coach.portfolio.clearStatus(input)).toEqual({ cleared: true });
    expect(await coach.portfolio.clearStatus(input)).toEqual({ cleared: false });
    expect(
      await h.admin.auditLog.count({
        where: { action: "member.status_cleared", targetId: h.userIds.nora },
      }),
    ).toBe(1);
  });

  it("refuses an end date before the member's today, and a member who is not there", async () => {
    const coach = h.asAdmin("coach", null, AT_NOW);
    const base = { workspaceId: demo, memberId: h.userIds.nora, kind: "on_leave" as const };
    expect(
      await rejectionOf(coach.portfolio.setStatus({ ...base, untilDate: "2031-03-19" })),
    ).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2031-03-20") });
    const notHere = { ...base, memberId: h.userIds.priya, untilDate: null };
    expect((await rejectionOf(coach.portfolio.setStatus(notHere))).code).toBe("NOT_FOUND");
  });
});

describe("who sees what", () => {
  it("a coach of one workspace sees nothing of another", async () => {
    const priya = await h.asAdmin("priya", null, AT_NOW).portfolio.list();
    expect(priya.workspaces.map((w) => w.id)).toEqual([h.workspaceIds.second]);
    expect(new Set(priya.items.map((l) => l.workspaceId))).toEqual(
      new Set([h.workspaceIds.second]),
    );
    // Asking for the other workspace by id gives nothing, not an error.
    const asked = await h.asAdmin("priya", null, AT_NOW).portfolio.list({ workspaceId: demo });
    expect([asked.items, asked.total]).toEqual([[], 0]);
    const setInDemo = h.asAdmin("priya", null, AT_NOW).portfolio.setStatus({
      workspaceId: demo,
      memberId: h.userIds.nora,
      kind: "paused",
      untilDate: null,
    });
    expect((await rejectionOf(setInDemo)).code).toBe("FORBIDDEN");
  });

  it("refuses a member, and the database refuses a member's own write", async () => {
    const nora = h.asAdmin("nora", null, AT_NOW);
    expect((await rejectionOf(nora.portfolio.list())).code).toBe("FORBIDDEN");
    const set = nora.portfolio.setStatus({
      workspaceId: demo,
      memberId: h.userIds.kenji,
      kind: "paused",
      untilDate: null,
    });
    expect((await rejectionOf(set)).code).toBe("FORBIDDEN");
    const asNora = createTenantDb(h.app, { workspaceId: demo, userId: h.userIds.nora });
    await expect(
      asNora.memberStatus.create({
        data: {
          workspaceId: demo,
          memberId: h.userIds.kenji,
          kind: "paused",
          setById: h.userIds.nora,
        },
      }),
    ).rejects.toThrow(/row-level security/);
  });
});
