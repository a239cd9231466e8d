import { describe, expect, it } from "vitest";
import { quietHoursEnd } from "./quiet-hours.ts";

const night = { startMinutes: 22 * 60, endMinutes: 7 * 60 };
const at = (iso: string) => new Date(iso);

describe('quiet hours in the recipient\'s zone (docs/domain.md "Notifications")', () => {
  it.each([
    // New York, spring forward (2026-03-08 02:00 → 03:00): 07:00 EDT is 11:00Z, not 12:00Z.
    ["America/New_York", "2026-03-08T04:30:00Z", "2026-03-08T11:00:00.000Z"],
    // New York, the night before: 07:00 EST is 12:00Z.
    ["America/New_York", "2026-03-07T04:30:00Z", "2026-03-07T12:00:00.000Z"],
    // New York, fall back (2026-11-01 02:00 → 01:00): 07:00 EST is 12:00Z.
    ["America/New_York", "2026-11-01T04:30:00Z", "2026-11-01T12:00:00.000Z"],
    // Berlin, spring forward (2026-03-29 02:00 → 03:00): 07:00 CEST is 05:00Z.
    ["Europe/Berlin", "2026-03-28T21:30:00Z", "2026-03-29T05:00:00.000Z"],
    // Berlin, fall back (2026-10-25 03:00 → 02:00): 07:00 CET is 06:00Z.
    ["Europe/Berlin", "2026-10-24T21:30:00Z", "2026-10-25T06:00:00.000Z"],
    // Berlin, after midnight inside the window.
    ["Europe/Berlin", "2026-10-25T01:30:00Z", "2026-10-25T06:00:00.000Z"],
  ])("%s at %s ends at %s", (zone, now, end) => {
    expect(quietHoursEnd(at(now), zone, night)?.toISOString()).toBe(end);
  });

  it("is null outside the window (and at its end, which is exclusive)", () => {
    expect(quietHoursEnd(at("2026-03-08T15:00:00Z"), "America/New_York", night)).toBeNull();
    expect(quietHoursEnd(at("2026-03-29T05:00:00Z"), "Europe/Berlin", night)).toBeNull();
  });

  it("ends as far past the jump as the end lay past the skipped hour", () => {
    // 02:30 does not exist in New York on 2026-03-08: the window ends at 03:30 EDT (07:30Z).
    const window = { startMinutes: 60, endMinutes: 150 };
    expect(
      quietHoursEnd(at("2026-03-08T06:30:00Z"), "America/New_York", window)?.toISOString(),
    ).toBe("2026-03-08T07:30:00.000Z");
  });

  it("handles a window inside one day", () => {
    const lunch = { startMinutes: 12 * 60, endMinutes: 13 * 60 };
    expect(quietHoursEnd(at("2026-07-01T10:15:00Z"), "Europe/Berlin", lunch)?.toISOString()).toBe(
      "2026-07-01T11:00:00.000Z",
    );
  });
});
