import { describe, expect, it } from "vitest";
import {
  addDays,
  dayKey,
  isValidTimeZone,
  localDayRange,
  localDayStart,
  type LocalDate,
  ZDayStartMinutes,
  ZLocalDate,
  ZTimeZone,
} from "./index";

// Every expected instant below is a literal UTC time worked out by hand from the zone rules:
//   America/New_York 2026: EST −05 → EDT −04 at 2026-03-08 07:00Z (02:00 → 03:00 local),
//                          EDT → EST at 2026-11-01 06:00Z (02:00 → 01:00, 01:00–02:00 repeats).
//   Europe/Berlin 2026:    CET +01 → CEST +02 at 2026-03-29 01:00Z (02:00 → 03:00),
//                          CEST → CET at 2026-10-25 01:00Z (03:00 → 02:00, 02:00–03:00 repeats).
//   Australia/Lord_Howe:   +11 → +10:30 at 2026-04-04 15:00Z (02:00 → 01:30, 01:30–02:00 repeats),
//                          +10:30 → +11 at 2026-10-03 15:30Z (02:00 → 02:30).
//   Pacific/Apia:          −10 → +14 at 2011-12-30 10:00Z (12-29 24:00 → 12-31 00:00).
//   Pacific/Kiritimati:    −10 → +14 at 1994-12-31 10:00Z (12-30 24:00 → 1995-01-01 00:00).
//   Pacific/Pago_Pago −11, Asia/Kathmandu +05:45, no DST.

const d = (s: string): LocalDate => ZLocalDate.parse(s);
const at = (iso: string): Date => new Date(iso);
const NY = "America/New_York";
const BERLIN = "Europe/Berlin";
const LORD_HOWE = "Australia/Lord_Howe";

describe("localDayRange / localDayStart", () => {
  const cases: Array<
    [note: string, tz: string, ds: number, date: string, start: string, end: string]
  > = [
    // New York, midnight day start: 23-hour and 25-hour days.
    [
      "NY spring-forward day, ds 0",
      NY,
      0,
      "2026-03-08",
      "2026-03-08T05:00:00Z",
      "2026-03-09T04:00:00Z",
    ],
    ["NY fall-back day, ds 0", NY, 0, "2026-11-01", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"],
    // New York, 02:00 day start: 02:00 is skipped on 03-08 → the jump instant 07:00Z.
    [
      "NY day before spring-forward, ds 120",
      NY,
      120,
      "2026-03-07",
      "2026-03-07T07:00:00Z",
      "2026-03-08T07:00:00Z",
    ],
    [
      "NY spring-forward, 02:00 skipped → jump",
      NY,
      120,
      "2026-03-08",
      "2026-03-08T07:00:00Z",
      "2026-03-09T06:00:00Z",
    ],
    [
      "NY day before fall-back, ds 120 (25 h)",
      NY,
      120,
      "2026-10-31",
      "2026-10-31T06:00:00Z",
      "2026-11-01T07:00:00Z",
    ],
    [
      "NY fall-back, 02:00 EST occurs once",
      NY,
      120,
      "2026-11-01",
      "2026-11-01T07:00:00Z",
      "2026-11-02T07:00:00Z",
    ],
    // New York, 01:30 day start: 01:30 occurs twice on 11-01 → the earlier (EDT) instant.
    [
      "NY fall-back, 01:30 repeated → earlier",
      NY,
      90,
      "2026-11-01",
      "2026-11-01T05:30:00Z",
      "2026-11-02T06:30:00Z",
    ],
    [
      "NY day before fall-back, ds 90",
      NY,
      90,
      "2026-10-31",
      "2026-10-31T05:30:00Z",
      "2026-11-01T05:30:00Z",
    ],
    [
      "NY spring-forward, 01:30 exists",
      NY,
      90,
      "2026-03-08",
      "2026-03-08T06:30:00Z",
      "2026-03-09T05:30:00Z",
    ],
    // Berlin, 02:30 day start: skipped in March, repeated in October.
    [
      "Berlin day before spring-forward, ds 150",
      BERLIN,
      150,
      "2026-03-28",
      "2026-03-28T01:30:00Z",
      "2026-03-29T01:00:00Z",
    ],
    [
      "Berlin spring-forward, 02:30 skipped → jump",
      BERLIN,
      150,
      "2026-03-29",
      "2026-03-29T01:00:00Z",
      "2026-03-30T00:30:00Z",
    ],
    [
      "Berlin day before fall-back, ds 150",
      BERLIN,
      150,
      "2026-10-24",
      "2026-10-24T00:30:00Z",
      "2026-10-25T00:30:00Z",
    ],
    [
      "Berlin fall-back, 02:30 repeated → earlier",
      BERLIN,
      150,
      "2026-10-25",
      "2026-10-25T00:30:00Z",
      "2026-10-26T01:30:00Z",
    ],
    // Lord Howe: 30-minute DST.
    [
      "Lord Howe spring-forward, 02:00 skipped → jump",
      LORD_HOWE,
      120,
      "2026-10-04",
      "2026-10-03T15:30:00Z",
      "2026-10-04T15:00:00Z",
    ],
    [
      "Lord Howe fall-back, 01:45 repeated → earlier",
      LORD_HOWE,
      105,
      "2026-04-05",
      "2026-04-04T14:45:00Z",
      "2026-04-05T15:15:00Z",
    ],
    // Extreme offsets.
    [
      "Kiritimati +14, ds 0",
      "Pacific/Kiritimati",
      0,
      "2026-01-01",
      "2025-12-31T10:00:00Z",
      "2026-01-01T10:00:00Z",
    ],
    [
      "Pago Pago −11, ds 0",
      "Pacific/Pago_Pago",
      0,
      "2026-01-01",
      "2026-01-01T11:00:00Z",
      "2026-01-02T11:00:00Z",
    ],
    [
      "Kathmandu +05:45, ds 0",
      "Asia/Kathmandu",
      0,
      "2026-07-01",
      "2026-06-30T18:15:00Z",
      "2026-07-01T18:15:00Z",
    ],
    // Noon day start.
    ["UTC, ds 720", "UTC", 720, "2026-05-05", "2026-05-05T12:00:00Z", "2026-05-06T12:00:00Z"],
    [
      "NY day before spring-forward, ds 720 (23 h)",
      NY,
      720,
      "2026-03-07",
      "2026-03-07T17:00:00Z",
      "2026-03-08T16:00:00Z",
    ],
    [
      "NY spring-forward, ds 720",
      NY,
      720,
      "2026-03-08",
      "2026-03-08T16:00:00Z",
      "2026-03-09T16:00:00Z",
    ],
    [
      "Kiritimati, ds 720",
      "Pacific/Kiritimati",
      720,
      "2026-01-01",
      "2025-12-31T22:00:00Z",
      "2026-01-01T22:00:00Z",
    ],
    // Calendar dates a zone skipped entirely: zero length with a midnight day start.
    [
      "Apia 2011-12-30 skipped: zero length",
      "Pacific/Apia",
      0,
      "2011-12-30",
      "2011-12-30T10:00:00Z",
      "2011-12-30T10:00:00Z",
    ],
    [
      "Apia day before the skip",
      "Pacific/Apia",
      0,
      "2011-12-29",
      "2011-12-29T10:00:00Z",
      "2011-12-30T10:00:00Z",
    ],
    [
      "Apia day after the skip",
      "Pacific/Apia",
      0,
      "2011-12-31",
      "2011-12-30T10:00:00Z",
      "2011-12-31T10:00:00Z",
    ],
    [
      "Kiritimati 1994-12-31 skipped: zero length",
      "Pacific/Kiritimati",
      0,
      "1994-12-31",
      "1994-12-31T10:00:00Z",
      "1994-12-31T10:00:00Z",
    ],
    [
      "Kiritimati day before the skip",
      "Pacific/Kiritimati",
      0,
      "1994-12-30",
      "1994-12-30T10:00:00Z",
      "1994-12-31T10:00:00Z",
    ],
    // Rule (literal definition, docs/domain.md "Time and local days"): with a later day start, a skipped date keeps the wall
    // hours between the next date's midnight and its day start, which any day start assigns to the
    // previous date. Apia with 04:00: [jump, 12-31 04:00 +14).
    [
      "Apia 2011-12-30, ds 240: 4 h (decided rule)",
      "Pacific/Apia",
      240,
      "2011-12-30",
      "2011-12-30T10:00:00Z",
      "2011-12-30T14:00:00Z",
    ],
    [
      "Apia 2011-12-29, ds 240: 20 h",
      "Pacific/Apia",
      240,
      "2011-12-29",
      "2011-12-29T14:00:00Z",
      "2011-12-30T10:00:00Z",
    ],
    [
      "Kiritimati 1994-12-31, ds 240: 4 h",
      "Pacific/Kiritimati",
      240,
      "1994-12-31",
      "1994-12-31T10:00:00Z",
      "1994-12-31T14:00:00Z",
    ],
  ];

  it.each(cases)("%s", (_note, tz, ds, date, start, end) => {
    const range = localDayRange(d(date), tz, ds);
    expect(range.start.toISOString()).toBe(at(start).toISOString());
    expect(range.end.toISOString()).toBe(at(end).toISOString());
    expect(localDayStart(d(date), tz, ds).toISOString()).toBe(at(start).toISOString());
  });
});

describe("dayKey", () => {
  const cases: Array<[note: string, tz: string, ds: number, instant: string, key: string]> = [
    // Exactly at a start belongs to the new day; 1 ms before to the previous one.
    ["NY 1 ms before 03-08 00:00", NY, 0, "2026-03-08T04:59:59.999Z", "2026-03-07"],
    ["NY at 03-08 00:00", NY, 0, "2026-03-08T05:00:00.000Z", "2026-03-08"],
    ["NY 1 ms before 03-09 00:00 EDT", NY, 0, "2026-03-09T03:59:59.999Z", "2026-03-08"],
    ["NY at 03-09 00:00 EDT", NY, 0, "2026-03-09T04:00:00.000Z", "2026-03-09"],
    ["NY fall-back 01:30 EDT, ds 0", NY, 0, "2026-11-01T05:30:00Z", "2026-11-01"],
    ["NY fall-back 01:30 EST, ds 0", NY, 0, "2026-11-01T06:30:00Z", "2026-11-01"],
    ["NY fall-back, 1 ms before 11-02", NY, 0, "2026-11-02T04:59:59.999Z", "2026-11-01"],
    ["NY ds 120, 1 ms before the jump", NY, 120, "2026-03-08T06:59:59.999Z", "2026-03-07"],
    ["NY ds 120, at the jump (03:00 EDT)", NY, 120, "2026-03-08T07:00:00Z", "2026-03-08"],
    ["NY ds 120, 03-09 01:59:59.999 EDT", NY, 120, "2026-03-09T05:59:59.999Z", "2026-03-08"],
    [
      "NY ds 120, 10-31 01:30 EST (second 01:30 of 11-01)",
      NY,
      120,
      "2026-11-01T06:30:00Z",
      "2026-10-31",
    ],
    ["NY ds 120, 11-01 02:00 EST", NY, 120, "2026-11-01T07:00:00Z", "2026-11-01"],
    // Days never run backwards in the repeated hour: 01:00–01:30 EST comes after 01:30 EDT.
    ["NY ds 90, 1 ms before 01:30 EDT", NY, 90, "2026-11-01T05:29:59.999Z", "2026-10-31"],
    ["NY ds 90, 01:30 EDT (first)", NY, 90, "2026-11-01T05:30:00Z", "2026-11-01"],
    ["NY ds 90, 01:00 EST (repeated hour)", NY, 90, "2026-11-01T06:00:00Z", "2026-11-01"],
    ["NY ds 90, 01:29:59.999 EST (repeated)", NY, 90, "2026-11-01T06:29:59.999Z", "2026-11-01"],
    ["NY ds 90, 1 ms before 11-02 01:30 EST", NY, 90, "2026-11-02T06:29:59.999Z", "2026-11-01"],
    ["NY ds 90, 11-02 01:30 EST", NY, 90, "2026-11-02T06:30:00Z", "2026-11-02"],
    // Berlin, 02:30.
    [
      "Berlin ds 150, 01:59:59.999 CET on 03-29",
      BERLIN,
      150,
      "2026-03-29T00:59:59.999Z",
      "2026-03-28",
    ],
    ["Berlin ds 150, the jump (03:00 CEST)", BERLIN, 150, "2026-03-29T01:00:00Z", "2026-03-29"],
    [
      "Berlin ds 150, 03-30 02:29:59.999 CEST",
      BERLIN,
      150,
      "2026-03-30T00:29:59.999Z",
      "2026-03-29",
    ],
    ["Berlin ds 150, 03-30 02:30 CEST", BERLIN, 150, "2026-03-30T00:30:00Z", "2026-03-30"],
    [
      "Berlin ds 150, 1 ms before 10-25 02:30 CEST",
      BERLIN,
      150,
      "2026-10-25T00:29:59.999Z",
      "2026-10-24",
    ],
    ["Berlin ds 150, 10-25 02:30 CEST", BERLIN, 150, "2026-10-25T00:30:00Z", "2026-10-25"],
    ["Berlin ds 150, 02:15 CET (repeated hour)", BERLIN, 150, "2026-10-25T01:15:00Z", "2026-10-25"],
    [
      "Berlin ds 150, 1 ms before 10-26 02:30 CET",
      BERLIN,
      150,
      "2026-10-26T01:29:59.999Z",
      "2026-10-25",
    ],
    ["Berlin ds 150, 10-26 02:30 CET", BERLIN, 150, "2026-10-26T01:30:00Z", "2026-10-26"],
    // 04:00 day start: a check-in at 01:30 local belongs to the previous day.
    ["NY ds 240, 01-10 01:30 EST", NY, 240, "2026-01-10T06:30:00Z", "2026-01-09"],
    ["NY ds 240, 01-10 03:59:59.999 EST", NY, 240, "2026-01-10T08:59:59.999Z", "2026-01-09"],
    ["NY ds 240, 01-10 04:00 EST", NY, 240, "2026-01-10T09:00:00Z", "2026-01-10"],
    ["Berlin ds 240, 06-15 01:30 CEST", BERLIN, 240, "2026-06-14T23:30:00Z", "2026-06-14"],
    ["Berlin ds 240, 06-15 04:00 CEST", BERLIN, 240, "2026-06-15T02:00:00Z", "2026-06-15"],
    // Around midnight at the extreme offsets; one instant, dates two days apart.
    [
      "Kiritimati, 1 ms before 2026-01-01",
      "Pacific/Kiritimati",
      0,
      "2025-12-31T09:59:59.999Z",
      "2025-12-31",
    ],
    ["Kiritimati, 2026-01-01 00:00", "Pacific/Kiritimati", 0, "2025-12-31T10:00:00Z", "2026-01-01"],
    [
      "Kiritimati, 2026-01-01T10:30Z",
      "Pacific/Kiritimati",
      0,
      "2026-01-01T10:30:00Z",
      "2026-01-02",
    ],
    ["Pago Pago, 2026-01-01T10:30Z", "Pacific/Pago_Pago", 0, "2026-01-01T10:30:00Z", "2025-12-31"],
    [
      "Pago Pago, 1 ms before 2026-01-01",
      "Pacific/Pago_Pago",
      0,
      "2026-01-01T10:59:59.999Z",
      "2025-12-31",
    ],
    ["Pago Pago, 2026-01-01 00:00", "Pacific/Pago_Pago", 0, "2026-01-01T11:00:00Z", "2026-01-01"],
    ["Kathmandu, 1 ms before 07-01", "Asia/Kathmandu", 0, "2026-06-30T18:14:59.999Z", "2026-06-30"],
    ["Kathmandu, 07-01 00:00", "Asia/Kathmandu", 0, "2026-06-30T18:15:00Z", "2026-07-01"],
    [
      "Lord Howe ds 105, 1 ms before 01:45 +11",
      LORD_HOWE,
      105,
      "2026-04-04T14:44:59.999Z",
      "2026-04-04",
    ],
    [
      "Lord Howe ds 105, 01:30 +10:30 (repeated)",
      LORD_HOWE,
      105,
      "2026-04-04T15:00:00Z",
      "2026-04-05",
    ],
    ["Lord Howe ds 120, the jump", LORD_HOWE, 120, "2026-10-03T15:30:00Z", "2026-10-04"],
    [
      "Lord Howe ds 120, 1 ms before the jump",
      LORD_HOWE,
      120,
      "2026-10-03T15:29:59.999Z",
      "2026-10-03",
    ],
    // Noon day start.
    ["UTC ds 720, 11:59:59.999", "UTC", 720, "2026-05-05T11:59:59.999Z", "2026-05-04"],
    ["UTC ds 720, 12:00", "UTC", 720, "2026-05-05T12:00:00Z", "2026-05-05"],
    ["NY ds 720, 1 ms before 03-08 12:00 EDT", NY, 720, "2026-03-08T15:59:59.999Z", "2026-03-07"],
    ["NY ds 720, 03-08 12:00 EDT", NY, 720, "2026-03-08T16:00:00Z", "2026-03-08"],
    [
      "Kiritimati ds 720, 1 ms before noon",
      "Pacific/Kiritimati",
      720,
      "2025-12-31T21:59:59.999Z",
      "2025-12-31",
    ],
    ["Kiritimati ds 720, noon", "Pacific/Kiritimati", 720, "2025-12-31T22:00:00Z", "2026-01-01"],
    // Skipped dates are never returned with a midnight day start.
    ["Apia, 1 ms before the jump", "Pacific/Apia", 0, "2011-12-30T09:59:59.999Z", "2011-12-29"],
    ["Apia, the jump", "Pacific/Apia", 0, "2011-12-30T10:00:00Z", "2011-12-31"],
    [
      "Kiritimati 1994, 1 ms before the jump",
      "Pacific/Kiritimati",
      0,
      "1994-12-31T09:59:59.999Z",
      "1994-12-30",
    ],
    ["Kiritimati 1994, the jump", "Pacific/Kiritimati", 0, "1994-12-31T10:00:00Z", "1995-01-01"],
    // … but with a 04:00 day start the skipped date holds 12-31 00:00–04:00 wall time (rule above).
    [
      "Apia ds 240, 1 ms before the jump",
      "Pacific/Apia",
      240,
      "2011-12-30T09:59:59.999Z",
      "2011-12-29",
    ],
    [
      "Apia ds 240, the jump (12-31 00:00 +14)",
      "Pacific/Apia",
      240,
      "2011-12-30T10:00:00Z",
      "2011-12-30",
    ],
    [
      "Apia ds 240, 12-31 03:59:59.999 +14",
      "Pacific/Apia",
      240,
      "2011-12-30T13:59:59.999Z",
      "2011-12-30",
    ],
    ["Apia ds 240, 12-31 04:00 +14", "Pacific/Apia", 240, "2011-12-30T14:00:00Z", "2011-12-31"],
  ];

  it.each(cases)("%s", (_note, tz, ds, instant, key) => {
    expect(dayKey(at(instant), tz, ds)).toBe(key);
  });

  it("gives the same answers in any call order (caches hold no stale day)", () => {
    for (const [, tz, ds, instant, key] of [...cases].reverse()) {
      expect(dayKey(at(instant), tz, ds)).toBe(key);
    }
  });

  it.each([
    ["Pacific/Apia", "2011-12-30", "2011-12-30T10:00:00Z"],
    ["Pacific/Kiritimati", "1994-12-31", "1994-12-31T10:00:00Z"],
  ])(
    "never returns the skipped date %s %s near the jump, and never runs backwards",
    (tz, skipped, jump) => {
      const jumpMs = at(jump).getTime();
      let previous = "";
      for (let ms = jumpMs - 48 * 3_600_000; ms <= jumpMs + 48 * 3_600_000; ms += 60_000) {
        const key = dayKey(new Date(ms), tz, 0);
        expect(key).not.toBe(skipped);
        expect(key >= previous).toBe(true);
        previous = key;
      }
    },
  );

  it.each([
    [NY, 90, "2026-11-01T06:00:00Z"],
    [NY, 120, "2026-03-08T07:00:00Z"],
    [BERLIN, 150, "2026-03-29T01:00:00Z"],
    [BERLIN, 150, "2026-10-25T01:00:00Z"],
    [LORD_HOWE, 105, "2026-04-04T15:00:00Z"],
    [LORD_HOWE, 120, "2026-10-03T15:30:00Z"],
  ])("%s ds %i: consecutive instants around %s never go back a day", (tz, ds, transition) => {
    const centre = at(transition).getTime();
    let previous = "";
    for (let ms = centre - 30 * 3_600_000; ms <= centre + 30 * 3_600_000; ms += 60_000) {
      const key = dayKey(new Date(ms), tz, ds);
      expect(key >= previous).toBe(true);
      previous = key;
    }
  });

  it("rejects an invalid Date, zone or day start", () => {
    expect(() => dayKey(new Date(Number.NaN), "UTC", 0)).toThrow(RangeError);
    expect(() => dayKey(at("2026-01-01T00:00:00Z"), "Mars/Olympus", 0)).toThrow(RangeError);
    expect(() => dayKey(at("2026-01-01T00:00:00Z"), "UTC", 721)).toThrow(RangeError);
    expect(() => dayKey(at("2026-01-01T00:00:00Z"), "UTC", -1)).toThrow(RangeError);
    expect(() => dayKey(at("2026-01-01T00:00:00Z"), "UTC", 1.5)).toThrow(RangeError);
    expect(() => localDayStart("2026-02-30" as LocalDate, "UTC", 0)).toThrow(RangeError);
    expect(() => localDayRange("2026-1-01" as LocalDate, "UTC", 0)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random instants, with an oracle independent of Temporal (Intl.DateTimeFormat).

/** mulberry32: a small seeded PRNG, deterministic across runs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The zone's wall clock at `ms`, as epoch ms of the same reading in UTC (via Intl, not Temporal). */
function wallMs(ms: number, tz: string): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const seconds = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return seconds + (((ms % 1000) + 1000) % 1000);
}

const PROPERTY_ZONES = [
  "UTC",
  NY,
  BERLIN,
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  LORD_HOWE,
  "Asia/Kathmandu",
];
const PROPERTY_DAY_STARTS = [0, 90, 240, 720];
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const SAMPLES = 400;

describe.each(PROPERTY_ZONES)("properties in %s", (tz) => {
  it.each(PROPERTY_DAY_STARTS)(
    "day start %i: start(dayKey(t)) ≤ t < start(dayKey(t) + 1)",
    (ds) => {
      const random = mulberry32(0x5eed + ds * 7919 + tz.length * 104_729);
      for (let i = 0; i < SAMPLES; i++) {
        const t = FROM + Math.floor(random() * (TO - FROM));
        const key = dayKey(new Date(t), tz, ds);
        const start = localDayStart(key, tz, ds).getTime();
        const end = localDayStart(addDays(key, 1), tz, ds).getTime();
        expect(start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(end);
        expect(localDayRange(key, tz, ds)).toEqual({ start: new Date(start), end: new Date(end) });

        // Away from any offset change the result is the plain wall-clock answer (Intl oracle).
        const offset = wallMs(t, tz) - t;
        const twoDays = 2 * 86_400_000;
        if (
          wallMs(t - twoDays, tz) - (t - twoDays) === offset &&
          wallMs(t + twoDays, tz) - (t + twoDays) === offset
        ) {
          const expected = new Date(t + offset - ds * 60_000).toISOString().slice(0, 10);
          expect(key).toBe(expected);
        }
      }
    },
  );

  it.each(PROPERTY_DAY_STARTS)(
    "day start %i: start(D) is where the wall clock first reaches D at the day start",
    (ds) => {
      const random = mulberry32(0xda7e + ds * 31 + tz.length * 7);
      for (let i = 0; i < SAMPLES; i++) {
        const date = new Date(FROM + Math.floor(random() * (TO - FROM))).toISOString().slice(0, 10);
        const target = Date.parse(`${date}T00:00:00Z`) + ds * 60_000; // D at the day start, as "wall ms"
        const start = localDayStart(d(date), tz, ds).getTime();
        expect(wallMs(start, tz)).toBeGreaterThanOrEqual(target);
        expect(wallMs(start - 1, tz)).toBeLessThan(target);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Schemas (the calendar arithmetic is tested in calendar.test.ts).

describe("schemas", () => {
  it.each(["2024-02-29", "2000-02-29", "2026-12-31", "0000-01-01", "9999-12-31"])(
    "ZLocalDate accepts %s",
    (s) => {
      expect(ZLocalDate.safeParse(s).success).toBe(true);
    },
  );

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-4-01",
    "20260401",
    " 2026-04-01",
    "2026-04-01T00:00",
    "abcd-ef-gh",
    "",
  ])("ZLocalDate rejects %j", (s) => {
    expect(ZLocalDate.safeParse(s).success).toBe(false);
  });

  it.each(["UTC", NY, "Asia/Kathmandu", "Pacific/Apia", "Etc/GMT+5"])(
    "ZTimeZone accepts %s",
    (tz) => {
      expect(ZTimeZone.safeParse(tz).success).toBe(true);
      expect(isValidTimeZone(tz)).toBe(true);
    },
  );

  it.each(["", "Mars/Olympus", "+05:00", "-0500", "America/New York"])(
    "ZTimeZone rejects %j",
    (tz) => {
      expect(ZTimeZone.safeParse(tz).success).toBe(false);
      expect(isValidTimeZone(tz)).toBe(false);
    },
  );

  it("ZDayStartMinutes is an integer 0..720", () => {
    for (const ok of [0, 90, 720]) expect(ZDayStartMinutes.safeParse(ok).success).toBe(true);
    for (const bad of [-1, 721, 1.5, Number.NaN, "90"]) {
      expect(ZDayStartMinutes.safeParse(bad).success).toBe(false);
    }
  });
});
