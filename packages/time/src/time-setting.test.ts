import { describe, expect, it } from "vitest";
import { toLocalDate } from "./calendar.ts";
import {
  localToday,
  timeSettingChangeEffectiveFrom,
  timeSettingOn,
  type TimeSettingVersion,
} from "./time-setting.ts";

const d = toLocalDate;
const v = (effectiveFrom: string, timeZone: string, dayStartMinutes = 0): TimeSettingVersion => ({
  effectiveFrom: d(effectiveFrom),
  timeZone,
  dayStartMinutes,
});

// 2026-03-10T12:00Z reads 2026-03-11 02:00 in Kiritimati (UTC+14), 2026-03-10 01:00 in Pago Pago (UTC−11).
const T = new Date("2026-03-10T12:00:00Z");
const KIRITIMATI = [v("2026-01-01", "Pacific/Kiritimati")];

describe("timeSettingChangeEffectiveFrom", () => {
  it.each([
    [
      "east to west: today stays the old zone's later day",
      KIRITIMATI,
      "Pacific/Pago_Pago",
      "2026-03-11",
    ],
    [
      "west to east: today moves to the new zone's later day",
      [v("2026-01-01", "Pacific/Pago_Pago")],
      "Pacific/Kiritimati",
      "2026-03-11",
    ],
    ["same day in both zones", [v("2026-01-01", "Europe/Berlin")], "Europe/London", "2026-03-10"],
    ["a first setting starts today in it", [], "Pacific/Pago_Pago", "2026-03-10"],
  ] as const)("%s", (_what, versions, timeZone, expected) => {
    expect(timeSettingChangeEffectiveFrom(versions, T, { timeZone, dayStartMinutes: 0 })).toBe(
      expected,
    );
  });

  it("a later day start counts in the new setting's reading", () => {
    // 01:00 in Pago Pago with a 04:00 day start is still 2026-03-09 there; the old zone says 03-10.
    const versions = [v("2026-01-01", "Pacific/Pago_Pago")];
    expect(
      timeSettingChangeEffectiveFrom(versions, T, {
        timeZone: "Pacific/Pago_Pago",
        dayStartMinutes: 240,
      }),
    ).toBe("2026-03-10");
  });

  it("is never before the latest version", () => {
    const versions = [...KIRITIMATI, v("2026-03-12", "Europe/Berlin")];
    expect(
      timeSettingChangeEffectiveFrom(versions, T, { timeZone: "UTC", dayStartMinutes: 0 }),
    ).toBe("2026-03-12");
  });
});

describe("localToday across Kiritimati → Pago Pago (effective 2026-03-11)", () => {
  const versions = [...KIRITIMATI, v("2026-03-11", "Pacific/Pago_Pago")];
  it.each([
    ["2026-03-09T12:00:00Z", "2026-03-10"], // before: Kiritimati's day
    ["2026-03-10T12:00:00Z", "2026-03-11"], // at the change: not back to 03-10
    ["2026-03-11T10:30:00Z", "2026-03-11"], // Kiritimati reads 03-12, Pago Pago 03-10: 03-11 stretches
    ["2026-03-11T11:00:00Z", "2026-03-11"], // Pago Pago reaches 03-11
    ["2026-03-12T10:59:59Z", "2026-03-11"],
    ["2026-03-12T11:00:00Z", "2026-03-12"], // Pago Pago's 03-12
  ])("at %s today is %s", (instant, expected) => {
    expect(localToday(versions, new Date(instant))).toBe(expected);
  });

  it("never goes back, hour by hour over three days", () => {
    let previous = "";
    for (
      let t = Date.parse("2026-03-09T00:00:00Z");
      t < Date.parse("2026-03-13T00:00:00Z");
      t += 1_800_000
    ) {
      const today = localToday(versions, new Date(t));
      expect(today >= previous).toBe(true);
      previous = today;
    }
  });

  it("the version in force on the stretched day is the new one", () => {
    expect(timeSettingOn(versions, d("2026-03-11"))?.timeZone).toBe("Pacific/Pago_Pago");
    expect(timeSettingOn(versions, d("2026-03-10"))?.timeZone).toBe("Pacific/Kiritimati");
  });
});

describe("localToday without versions", () => {
  it("reads the fallback (UTC by default)", () => {
    expect(localToday([], T)).toBe("2026-03-10");
    expect(localToday([], T, { timeZone: "Pacific/Kiritimati", dayStartMinutes: 0 })).toBe(
      "2026-03-11",
    );
  });
});
