/**
 * The coach's member drill-down (docs/domain.md "Coach drill-down", "Coach notes"): the member's
 * screens read through the console's client equal what the member sees; the log pages newest
 * first with late entries and overrides marked; overrides, plan edits and notes act as the coach
 * inside the member's workspace, audited; a coach of A reaches nothing of B, a member nothing.
 */
import { addDays, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import { newMember, type FreshMember } from "./testing/members.ts";
import { clockAt, expectRefused, newKey, wallTime } from "./testing/plans.ts";

let h: Harness;
/** A coach of demo only (the seeded coach coaches both workspaces). */
let coach: FreshMember;
let member: FreshMember;
const joinedOn = "2026-03-02" as LocalDate;
const today = addDays(joinedOn, 20);
const at = (date: LocalDate, time = "12:00") => clockAt(wallTime("America/New_York", date, time));
const asCoach = (date: LocalDate = today) => h.asAdmin(coach.userId, null, { clock: at(date) });
let drill: { workspaceId: string; memberId: string };
let habitId: string;
let taskId: string;

beforeAll(async () => {
  h = await createHarness();
  coach = await newMember(h, { joinedOn, role: "coach", name: "Coach Only-Demo" });
  member = await newMember(h, { joinedOn, name: "Mia Member" });
  drill = { workspaceId: h.workspaceIds.demo, memberId: member.userId };
  const api = member.at(joinedOn);
  habitId = (
    await api.habit.create({
      idempotencyKey: newKey("habit"),
      title: "Stretch",
      schedule: { type: "daily" },
      durationMinutes: 30,
    })
  ).id;
  taskId = (
    await api.task.create({
      idempotencyKey: newKey("task"),
      title: "Write report",
      dueDate: addDays(today, 3),
      estimateMinutes: 90,
    })
  ).id;
  // A few check-ins on the day, one 3 days late (inside the 7-day window).
  for (const day of [1, 2, 4]) {
    await member.at(addDays(joinedOn, day)).log.checkIn({ idempotencyKey: newKey(), habitId });
  }
  await member
    .at(addDays(joinedOn, 8))
    .log.checkIn({ idempotencyKey: newKey(), habitId, localDate: addDays(joinedOn, 5) });
});
afterAll(async () => {
  await h?.close();
});

describe("reading the member's screens", () => {
  it("shows Today, the dashboard and a habit page exactly as the member sees them", async () => {
    const mine = member.at(today);
    const theirs = asCoach();
    expect(await theirs.member.today(drill)).toEqual(await mine.today.get());
    expect(await theirs.member.dashboard(drill)).toEqual(await mine.dashboard.get());
    expect(await theirs.member.habitHistory({ ...drill, habitId })).toEqual(
      await mine.habit.history({ habitId }),
    );
    const who = await theirs.member.get(drill);
    expect(who).toMatchObject({ name: "Mia Member", role: "member", localDate: today });
  });

  it("pages the log newest day first, with late entries marked", async () => {
    const first = await asCoach().member.log({ ...drill, limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await asCoach().member.log({ ...drill, cursor: first.nextCursor! });
    const all = [...first.items, ...rest.items];
    expect(rest.nextCursor).toBeNull();
    expect(all.map((e) => e.localDate)).toEqual([5, 4, 2, 1].map((d) => addDays(joinedOn, d)));
    const late = all.find((e) => e.localDate === addDays(joinedOn, 5))!;
    expect(late).toMatchObject({ daysLate: 3, isOverride: false, source: "web" });
    expect(late.recordedBy).toEqual({ id: member.userId, name: "Mia Member" });
    expect(all.filter((e) => e.daysLate > 0)).toHaveLength(1);
  });

  it("reads the overload history from the stored days", async () => {
    const history = await asCoach().member.overloadHistory({ ...drill, days: 14 });
    expect(history.to).toBe(today);
    // Stored rows only: the days up to the member's latest write (the hourly close adds the rest).
    expect(history.days.map((d) => d.date)).toEqual(
      [...Array(9).keys()].map((i) => addDays(joinedOn, i)).filter((d) => d >= history.from),
    );
    const weekday = history.days.find((d) => d.capacityMinutes > 0)!;
    expect(weekday.loadMinutes).toBeGreaterThanOrEqual(30);
    expect(weekday.level).not.toBeNull();
    const dayOff = history.days.find((d) => d.capacityMinutes === 0);
    expect(dayOff?.level ?? null).toBeNull();
  });
});

describe("a late-entry override", () => {
  const day = addDays(joinedOn, 10); // 10 days before today: past the 7-day window

  it("is refused inside the window: the member records it themself", async () => {
    await expectRefused(
      h,
      () =>
        asCoach().member.override({
          ...drill,
          idempotencyKey: newKey(),
          action: "check_in",
          habitId,
          localDate: addDays(today, -3),
        }),
      "PRECONDITION_FAILED",
      /within this workspace's late-entry window of 7 days/,
    );
  });

  it("records past the window as the coach, marked, audited, refreshed, once per key", async () => {
    // No stored row for the day yet: the member's last write was two days before it.
    const dayRow = {
      workspaceId_memberId_localDate: { ...drill, localDate: new Date(`${day}T00:00:00Z`) },
    };
    expect(await h.admin.memberDayScore.findUnique({ where: dayRow })).toBeNull();
    const request = {
      ...drill,
      idempotencyKey: newKey("override"),
      action: "check_in" as const,
      habitId,
      localDate: day,
      note: "From the paper log",
    };
    const written = await asCoach().member.override(request);
    expect(await asCoach().member.override(request)).toEqual(written);
    expect(written.event).toMatchObject({
      localDate: day,
      recordedById: coach.userId,
      source: "admin",
      isOverride: true,
    });
    const audits = await h.admin.auditLog.findMany({ where: { targetId: written.event.id } });
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ["event.late_entry_override", coach.userId],
    ]);
    const after = await h.admin.memberDayScore.findUniqueOrThrow({ where: dayRow });
    expect([after.dueCount, after.doneCount, after.score]).toEqual([1, 1, 100]);
    const [entry] = (await asCoach().member.log({ ...drill, limit: 100 })).items.filter(
      (e) => e.id === written.event.id,
    );
    expect(entry).toMatchObject({ isOverride: true, daysLate: 10 });
    expect(entry!.recordedBy.name).toBe("Coach Only-Demo");
  });

  it("names only the member's own items", async () => {
    const other = await h.admin.habit.findFirstOrThrow({
      where: { workspaceId: drill.workspaceId, memberId: { not: member.userId } },
    });
    await expectRefused(
      h,
      () =>
        asCoach().member.override({
          ...drill,
          idempotencyKey: newKey(),
          action: "check_in",
          habitId: other.id,
          localDate: day,
        }),
      "NOT_FOUND",
    );
  });
});

describe("plan edits", () => {
  it("write a version from the member's today with the coach as actor, audited", async () => {
    const habit = await asCoach().member.updateHabit({ ...drill, habitId, durationMinutes: 45 });
    expect(habit.current.durationMinutes).toBe(45);
    expect(habit.versions.at(-1)!.effectiveFrom).toBe(today);
    const task = await asCoach().member.updateTask({ ...drill, taskId, priority: "high" });
    expect(task.priority).toBe("high");
    const audits = await h.admin.auditLog.findMany({
      where: { actorUserId: coach.userId, action: { endsWith: ".update_for_member" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.action, a.targetId, a.metadata])).toEqual([
      [
        "habit.update_for_member",
        habitId,
        { memberId: member.userId, fields: ["durationMinutes"], source: "admin" },
      ],
      [
        "task.update_for_member",
        taskId,
        { memberId: member.userId, fields: ["priority"], source: "admin" },
      ],
    ]);
  });

  it("never reach another member's item", async () => {
    const other = await h.admin.task.findFirstOrThrow({
      where: { workspaceId: drill.workspaceId, memberId: { not: member.userId } },
    });
    await expectRefused(
      h,
      () => asCoach().member.updateTask({ ...drill, taskId: other.id, priority: "low" }),
      "NOT_FOUND",
    );
  });
});

describe("coach notes", () => {
  it("a shared note reaches its member with the coach's name; a private one stays the author's", async () => {
    const key = newKey("note");
    const shared = await asCoach().notes.create({
      ...drill,
      idempotencyKey: key,
      visibility: "shared",
      body: "  Great week — keep the evenings light.  ",
    });
    expect(
      await asCoach().notes.create({
        ...drill,
        idempotencyKey: key,
        visibility: "shared",
        body: "  Great week — keep the evenings light.  ",
      }),
    ).toEqual(shared);
    expect(shared.body).toBe("Great week — keep the evenings light.");
    const secret = await asCoach().notes.create({
      ...drill,
      idempotencyKey: newKey("note"),
      visibility: "private",
      body: "Watch the workload.",
    });

    const mine = await member.at(today).coachNote.listMine();
    expect(mine).toEqual([
      expect.objectContaining({
        id: shared.id,
        author: { id: coach.userId, name: "Coach Only-Demo" },
      }),
    ]);
    // Another member of the workspace sees none of it.
    expect(await h.as("nora", "demo").coachNote.listMine()).not.toContainEqual(
      expect.objectContaining({ id: shared.id }),
    );
    // Another coach of the workspace sees the shared note, never the private one.
    const byOwner = await h.asAdmin("owner").notes.list(drill);
    expect(byOwner.map((n) => n.id)).toEqual([shared.id]);
    expect((await asCoach().notes.list(drill)).map((n) => n.id)).toEqual([secret.id, shared.id]);
  });

  it("only the author edits or deletes a note; deleting is idempotent; each change audited", async () => {
    const note = await asCoach().notes.create({
      ...drill,
      idempotencyKey: newKey("note"),
      visibility: "private",
      body: "Draft",
    });
    await expectRefused(
      h,
      () => h.asAdmin("owner").notes.update({ ...drill, noteId: note.id, body: "Mine now" }),
      "NOT_FOUND",
    );
    expect(await h.asAdmin("owner").notes.delete({ ...drill, noteId: note.id })).toEqual({
      id: note.id,
      deleted: false,
    });
    const shared = await asCoach().notes.update({
      ...drill,
      noteId: note.id,
      visibility: "shared",
    });
    expect(shared).toMatchObject({ visibility: "shared", body: "Draft" });
    expect(await asCoach().notes.delete({ ...drill, noteId: note.id })).toEqual({
      id: note.id,
      deleted: true,
    });
    expect(await asCoach().notes.delete({ ...drill, noteId: note.id })).toEqual({
      id: note.id,
      deleted: false,
    });
    const audits = await h.admin.auditLog.findMany({
      where: { targetId: note.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "coach_note.create",
      "coach_note.update",
      "coach_note.delete",
    ]);
    expect(JSON.stringify(audits)).not.toContain("Draft");
  });
});

describe("reach", () => {
  it("a coach of A gets FORBIDDEN in B and NOT_FOUND for B's people and rows named in A", async () => {
    const inB = { workspaceId: h.workspaceIds.second, memberId: h.userIds.priya };
    expect((await rejectionOf(asCoach().member.get(inB))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(asCoach().notes.list(inB))).code).toBe("FORBIDDEN");
    const priyaInA = { workspaceId: h.workspaceIds.demo, memberId: h.userIds.priya };
    expect((await rejectionOf(asCoach().member.log(priyaInA))).code).toBe("NOT_FOUND");
    // sam is in both: his habit of B named under his drill-down in A is not found.
    const samHabitB = await h.admin.habit.findFirstOrThrow({
      where: { workspaceId: h.workspaceIds.second, memberId: h.userIds.sam },
    });
    const samInA = { workspaceId: h.workspaceIds.demo, memberId: h.userIds.sam };
    expect(
      (await rejectionOf(asCoach().member.habitHistory({ ...samInA, habitId: samHabitB.id }))).code,
    ).toBe("NOT_FOUND");
    // And his log in A holds nothing of B.
    const log = await asCoach().member.log({ ...samInA, limit: 100 });
    const habitsOfB = await h.admin.habit.findMany({
      where: { workspaceId: h.workspaceIds.second },
      select: { id: true },
    });
    const idsOfB = new Set(habitsOfB.map((x) => x.id));
    expect(log.items.some((e) => idsOfB.has(e.item.id))).toBe(false);
  });

  it("platform staff are refused without a grant, and read but never write under one", async () => {
    const staff = await h.admin.user.create({
      data: { email: "staff.drill@atlas.local", name: "Staff", isPlatformAdmin: true },
    });
    const asStaff = h.asAdmin(staff.id, null, { clock: at(today) });
    expect((await rejectionOf(asStaff.member.log(drill))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(asStaff.notes.list(drill))).code).toBe("FORBIDDEN");

    // Under an open grant they read the member's pages (audited with the grant) and change nothing.
    const grant = await asStaff.platform.support.breakGlass({
      idempotencyKey: newKey("grant"),
      workspaceId: drill.workspaceId,
      reason: "The member reports a wrong score",
      durationMinutes: 30,
    });
    expect((await asStaff.member.get(drill)).memberId).toBe(drill.memberId);
    const uses = await h.admin.auditLog.findMany({
      where: { workspaceId: drill.workspaceId, action: "support.read", actorUserId: staff.id },
    });
    expect(uses.map((u) => (u.metadata as { grantId: string }).grantId)).toContain(grant.id);
    const refused = await rejectionOf(
      asStaff.notes.create({
        ...drill,
        idempotencyKey: newKey("note"),
        visibility: "shared",
        body: "Hello from support",
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(await h.admin.coachNote.count({ where: { body: "Hello from support" } })).toBe(0);
  });

  it("a member is refused, and a coach who left reaches nothing", async () => {
    const asMember = h.asAdmin(member.userId, null, { clock: at(today) });
    expect((await rejectionOf(asMember.member.get(drill))).code).toBe("FORBIDDEN");
    const left = await newMember(h, { joinedOn, role: "coach" });
    await h.admin.membership.update({
      where: { workspaceId_userId: { workspaceId: drill.workspaceId, userId: left.userId } },
      data: { leftAt: new Date() },
    });
    expect(
      (
        await rejectionOf(
          h.asAdmin(left.userId, null, { clock: at(today) }).notes.create({
            ...drill,
            idempotencyKey: newKey(),
            visibility: "shared",
            body: "Still here?",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
