import { describe, expect, it } from "vitest";
import { toLocalDate } from "./calendar.ts";
import { parseQuickAdd, type QuickAdd } from "./quick-add.ts";

const d = toLocalDate;
// Saturday 5 December 2026.
const SAT = d("2026-12-05");

const read = (
  title: string,
  date: string | null = null,
  estimateMinutes: number | null = null,
  priority: QuickAdd["priority"] = null,
): QuickAdd => ({ title, date: date === null ? null : d(date), estimateMinutes, priority });

describe("parseQuickAdd", () => {
  it.each<[string, string, QuickAdd]>([
    [
      "the brief's example",
      "Call Ana tomorrow 30m !high",
      read("Call Ana", "2026-12-06", 30, "high"),
    ],
    ["today", "Pay rent today", read("Pay rent", "2026-12-05")],
    ["tmrw", "tmrw Pay rent", read("Pay rent", "2026-12-06")],
    ["a weekday is the next one", "Gym fri", read("Gym", "2026-12-11")],
    ["today's weekday is a week ahead", "Gym Saturday", read("Gym", "2026-12-12")],
    ["sunday is tomorrow", "Gym sun", read("Gym", "2026-12-06")],
    ["next Monday is next week's", "Plan next Monday", read("Plan", "2026-12-07")],
    ["next week is its Monday", "Plan next week", read("Plan", "2026-12-07")],
    ["next <weekday> is in next week", "Plan next wed", read("Plan", "2026-12-09")],
    ["in 3 days", "Call in 3 days", read("Call", "2026-12-08")],
    ["in 1 day", "Call in 1 day", read("Call", "2026-12-06")],
    ["in 2 weeks", "Call in 2 weeks", read("Call", "2026-12-19")],
    ["in 0 days is not a date", "Call in 0 days", read("Call in 0 days")],
    ["ISO date", "Renew 2027-01-15 passport", read("Renew passport", "2027-01-15")],
    ["a non-date stays in the title", "Renew 2027-02-30", read("Renew 2027-02-30")],
    ["day month, still this year", "Party 24 Dec", read("Party", "2026-12-24")],
    ["month day", "Party Dec 24", read("Party", "2026-12-24")],
    ["a day month that is today", "Party 5 December", read("Party", "2026-12-05")],
    ["a day month already past is next year's", "Party 4 Dec", read("Party", "2027-12-04")],
    ["with a year", "Party 5 Dec 2027", read("Party", "2027-12-05")],
    ["29 Feb waits for a leap year", "Leap 29 Feb", read("Leap", "2028-02-29")],
    ["31 Feb is no date", "Odd 31 Feb", read("Odd 31 Feb")],
    ["minutes", "Read 45min", read("Read", null, 45)],
    ["hours", "Read 1h", read("Read", null, 60)],
    ["hours and minutes", "Read 1h30m", read("Read", null, 90)],
    ["many minutes", "Read 90m", read("Read", null, 90)],
    ["low", "Tidy !low", read("Tidy", null, null, "low")],
    ["medium", "Tidy !medium", read("Tidy", null, null, "medium")],
    [
      "case is ignored, the title keeps it",
      "Email BOB FRI !HIGH",
      read("Email BOB", "2026-12-11", null, "high"),
    ],
    [
      "only the first of a kind",
      "a tomorrow b fri 1h 2h !low !high",
      read("a b fri 2h !high", "2026-12-06", 60, "low"),
    ],
    ["next alone is a word", "next steps", read("next steps")],
    ["spaces collapse", "  Call   Ana  ", read("Call Ana")],
    ["nothing", "", read("")],
  ])("%s", (_, text, expected) => {
    expect(parseQuickAdd(text, SAT)).toEqual(expected);
  });

  // Month and year ends, leap days and DST changes: the arithmetic is on calendar dates only.
  it.each<[string, string, string, string]>([
    ["year end: tomorrow", "2026-12-31", "x tomorrow", "2027-01-01"],
    ["year end: in 3 days", "2026-12-31", "x in 3 days", "2027-01-03"],
    ["year end: next week", "2026-12-31", "x next week", "2027-01-04"],
    ["year end: fri", "2026-12-31", "x fri", "2027-01-01"],
    ["year end: next fri", "2026-12-31", "x next fri", "2027-01-08"],
    ["year end: 2 Jan is next year's", "2026-12-31", "x 2 Jan", "2027-01-02"],
    ["February end: tomorrow", "2027-02-28", "x tomorrow", "2027-03-01"],
    ["Sunday: next Monday is tomorrow", "2027-02-28", "x next mon", "2027-03-01"],
    ["leap year: tomorrow", "2028-02-28", "x tomorrow", "2028-02-29"],
    ["30-day month end", "2026-11-30", "x in 1 day", "2026-12-01"],
    ["Europe's spring DST change", "2026-03-28", "x tomorrow", "2026-03-29"],
    ["Europe's autumn DST change", "2026-10-24", "x in 2 days", "2026-10-26"],
    ["US autumn DST change", "2026-10-31", "x sun", "2026-11-01"],
  ])("%s", (_, today, text, date) => {
    expect(parseQuickAdd(text, d(today))).toEqual(read("x", date));
  });

  it("reads only the kinds asked for", () => {
    expect(parseQuickAdd("Run 10k 30m !high by 5 Dec", SAT, { date: true })).toEqual(
      read("Run 10k 30m !high by", "2026-12-05"),
    );
    expect(parseQuickAdd("Stretch 15m tomorrow !low", SAT, { estimate: true })).toEqual(
      read("Stretch tomorrow !low", null, 15),
    );
  });
});
