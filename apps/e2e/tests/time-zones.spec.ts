/**
 * A member in Pacific/Kiritimati (UTC+14) checks in a few minutes after their local midnight, on
 * the web server whose clock stands there (global setup, src/clock.ts): the server's own UTC
 * calendar is still on the day before, yet the check-in lands on the member's new day.
 * And the time-zone picker: found by city or offset, current IANA names, saved as shown.
 */
import { expect, test } from "@playwright/test";
import { clockServerNow } from "../src/clock.ts";
import { addDays, dateIn, longDate, minutesIn } from "../src/dates.ts";
import { signIn } from "../src/session.ts";
import { habitRow } from "../src/today.ts";
import { query } from "../src/trpc.ts";
import { menuLink } from "../src/header.ts";
import { chooseTimeZone } from "../src/pickers.ts";

const web = process.env.ATLAS_WEB_URL!;
const clockWeb = process.env.E2E_CLOCK_WEB_URL!;
const ZONE = "Pacific/Kiritimati";
const HABIT = "Meditate";

interface LogDay {
  today: string;
  items: { habitId: string | null; title: string; state: string }[];
  events: { habitId: string | null; kind: string; localDate: string; isReverted: boolean }[];
}

test("a member in Pacific/Kiritimati checks in just after midnight and it lands on their day", async ({
  page,
}) => {
  const now = clockServerNow();
  const kiritimatiDay = dateIn(now, ZONE);
  // What makes the journey worth running: just after midnight there, still the day before in UTC.
  expect(minutesIn(now, ZONE)).toBeLessThan(60);
  expect(dateIn(now, "UTC")).toBe(addDays(kiritimatiDay, -1));

  // Kenji lives in Tokyo in the seed; he moves to Kiritimati in his settings.
  await signIn(page, clockWeb, /Kenji Kato/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await (await menuLink(page, "Settings")).click();
  await chooseTimeZone(page, "Kiritimati", ZONE);
  await page.getByRole("button", { name: "Save time settings" }).click();
  await expect(page.getByText(`Saved, in force from ${kiritimatiDay}.`)).toBeVisible();

  await nav.getByRole("link", { name: "Today", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByText(`${longDate(kiritimatiDay)} · Pacific/Kiritimati`)).toBeVisible();
  const row = habitRow(page, HABIT);
  await row.getByRole("button", { name: `Check in ${HABIT}` }).click();
  // Shown at once; enabled once the server has answered (it then knows the entry to undo).
  await expect(row.getByRole("button", { name: `Undo check-in for ${HABIT}` })).toBeEnabled();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();

  // What the server recorded: the check-in is on the Kiritimati day, and only there.
  const day = await query<LogDay>(page.request, clockWeb, "log.day");
  expect(day.today).toBe(kiritimatiDay);
  const habit = day.items.find((item) => item.title === HABIT);
  expect(habit?.state).toBe("done");
  const checkIns = day.events.filter((e) => e.habitId === habit?.habitId && e.kind === "done");
  expect(checkIns.map((e) => [e.localDate, e.isReverted])).toEqual([[kiritimatiDay, false]]);
  const before = await query<LogDay>(page.request, clockWeb, "log.day", {
    localDate: addDays(kiritimatiDay, -1),
  });
  expect(before.events.filter((e) => e.habitId === habit?.habitId)).toEqual([]);
});

test("a member finds Kyiv in the time-zone picker and it is saved as Europe/Kyiv", async ({
  page,
}) => {
  // Priya lives in Kolkata in the seed (Intl's own name for it is the legacy Asia/Calcutta).
  await signIn(page, web, /Priya Patel/);
  await (await menuLink(page, "Settings")).click();
  const box = page.getByRole("combobox", { name: "Time zone", exact: true });
  await expect(box).toHaveValue("UTC+05:30 · Asia/Kolkata (Kolkata)");

  // The list offers current names only.
  await box.fill("Kiev");
  await expect(page.getByText("No time zone matches “Kiev”.")).toBeVisible();
  await chooseTimeZone(page, "Kyiv", "Europe/Kyiv");
  await page.getByRole("button", { name: "Save time settings" }).click();
  await expect(page.getByText(/^Saved/)).toBeVisible();
  const settings = await query<{ timeZone: string }>(page.request, web, "me.settings.get");
  expect(settings.timeZone).toBe("Europe/Kyiv");

  // By offset, with the keyboard, back home to Kolkata.
  await box.fill("+5:30");
  await expect(page.getByRole("listbox", { name: "Time zones" }).getByRole("option")).toHaveText([
    "UTC+05:30 · Asia/Colombo (Colombo)",
    "UTC+05:30 · Asia/Kolkata (Kolkata)",
  ]);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(box).toHaveValue("UTC+05:30 · Asia/Kolkata (Kolkata)");
  await page.getByRole("button", { name: "Save time settings" }).click();
  await expect(page.getByText(/^Saved/)).toBeVisible();
  const back = await query<{ timeZone: string }>(page.request, web, "me.settings.get");
  expect(back.timeZone).toBe("Asia/Kolkata");
});
