/**
 * me.settings: a user's own time zone and day start, versioned, with nothing but a session.
 * Rule under test: a change takes effect on the later of today in the old and in the new
 * setting, so today never falls back to a day that is already closed.
 */
import type { Clock } from "@atlas/time";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

let h: Harness;
let traveller: string;

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
// 2026-03-10T12:00Z reads 2026-03-11 02:00 in Kiritimati (UTC+14), 2026-03-10 01:00 in Pago Pago (UTC−11).
const T = at("2026-03-10T12:00:00Z");
const date = (d: string) => new Date(`${d}T00:00:00.000Z`);

const versions = async () =>
  (
    await h.admin.userTimeSetting.findMany({
      where: { userId: traveller },
      orderBy: { effectiveFrom: "asc" },
    })
  ).map((r) => [r.effectiveFrom.toISOString().slice(0, 10), r.timeZone, r.dayStartMinutes]);

beforeAll(async () => {
  h = await createHarness();
  // A user with no workspace at all: me.settings needs only the session.
  traveller = (
    await h.admin.user.create({ data: { email: "traveller@atlas.test", name: "Tavi Traveller" } })
  ).id;
});
beforeEach(async () => {
  await h.admin.userTimeSetting.deleteMany({ where: { userId: traveller } });
  await h.admin.userTimeSetting.create({
    data: { userId: traveller, effectiveFrom: date("2026-01-01"), timeZone: "Pacific/Kiritimati" },
  });
});
afterAll(async () => {
  await h?.close();
});

const me = (clock: Clock = T) => h.as(traveller, null, { clock }).me.settings;

describe("me.settings.get", () => {
  it("reads the version in force on the caller's local today, no workspace needed", async () => {
    expect(await me().get()).toEqual({
      timeZone: "Pacific/Kiritimati",
      dayStartMinutes: 0,
      effectiveFrom: "2026-01-01",
      today: "2026-03-11",
    });
  });

  it("gives the defaults to a user without any version", async () => {
    await h.admin.userTimeSetting.deleteMany({ where: { userId: traveller } });
    expect(await me().get()).toEqual({
      timeZone: "UTC",
      dayStartMinutes: 0,
      effectiveFrom: null,
      today: "2026-03-10",
    });
  });

  it("reads seeded people's own settings", async () => {
    const nora = await h.as("nora", null).me.settings.get();
    expect(nora.timeZone).toBe("America/New_York");
  });
});

describe("me.settings.update", () => {
  it("Kiritimati → Pago Pago takes effect on the old zone's today (03-11), not the new one's (03-10)", async () => {
    const updated = await me().update({ timeZone: "Pacific/Pago_Pago" });
    expect(updated).toEqual({
      timeZone: "Pacific/Pago_Pago",
      dayStartMinutes: 0,
      effectiveFrom: "2026-03-11",
      today: "2026-03-11",
    });
    expect(await versions()).toEqual([
      ["2026-01-01", "Pacific/Kiritimati", 0],
      ["2026-03-11", "Pacific/Pago_Pago", 0],
    ]);
    // Later that real day: Kiritimati already reads 03-12, Pago Pago still 03-10; today stays 03-11.
    expect((await me(at("2026-03-11T10:30:00Z")).get()).today).toBe("2026-03-11");
    expect((await me(at("2026-03-12T11:00:00Z")).get()).today).toBe("2026-03-12");
  });

  it("Pago Pago → Kiritimati takes effect on the new zone's today (the later one)", async () => {
    await h.admin.userTimeSetting.updateMany({
      where: { userId: traveller },
      data: { timeZone: "Pacific/Pago_Pago" },
    });
    const updated = await me().update({ timeZone: "Pacific/Kiritimati" });
    expect(updated).toMatchObject({ effectiveFrom: "2026-03-11", today: "2026-03-11" });
  });

  it("a second change the same day replaces that day's version instead of adding one", async () => {
    await me().update({ timeZone: "Pacific/Pago_Pago" });
    const updated = await me().update({ timeZone: "Europe/Berlin", dayStartMinutes: 240 });
    expect(updated).toMatchObject({
      timeZone: "Europe/Berlin",
      dayStartMinutes: 240,
      effectiveFrom: "2026-03-11",
    });
    expect(await versions()).toEqual([
      ["2026-01-01", "Pacific/Kiritimati", 0],
      ["2026-03-11", "Europe/Berlin", 240],
    ]);
  });

  it("a change of the day start alone keeps the zone", async () => {
    const updated = await me().update({ dayStartMinutes: 720 });
    expect(updated).toMatchObject({ timeZone: "Pacific/Kiritimati", dayStartMinutes: 720 });
    // 02:00 on 03-11 with a noon day start is still 03-10 in the new setting: the old today wins.
    expect(updated.effectiveFrom).toBe("2026-03-11");
  });

  it("a change to the setting already in force stores nothing", async () => {
    await me().update({ timeZone: "Pacific/Kiritimati", dayStartMinutes: 0 });
    expect(await versions()).toEqual([["2026-01-01", "Pacific/Kiritimati", 0]]);
  });

  it("a user's first setting starts on today in it", async () => {
    await h.admin.userTimeSetting.deleteMany({ where: { userId: traveller } });
    expect(await me().update({ timeZone: "Pacific/Pago_Pago" })).toMatchObject({
      effectiveFrom: "2026-03-10",
      today: "2026-03-10",
    });
  });

  it("changes only the caller's rows", async () => {
    const others = () =>
      h.admin.userTimeSetting.findMany({
        where: { userId: { not: traveller } },
        orderBy: { id: "asc" },
      });
    const before = await others();
    await me().update({ timeZone: "Asia/Kolkata" });
    expect(await others()).toEqual(before);
  });

  it("refuses a caller without a session", async () => {
    expect((await rejectionOf(h.anonymous().me.settings.update({ timeZone: "UTC" }))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});
