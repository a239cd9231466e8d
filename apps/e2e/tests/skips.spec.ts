/**
 * A skip beyond the monthly allowance (docs/domain.md "Skips": per habit, per calendar month)
 * is refused, and Today says why in the API's own words and shows the habit as it was.
 * It runs on the clock-offset server (src/clock.ts): there the days just before today are free of
 * seeded entries and in the same month, so late skips can use up the allowance first.
 */
import { expect, test } from "@playwright/test";
import { addDays } from "../src/dates.ts";
import { signIn } from "../src/session.ts";
import { getToday, habitRow } from "../src/today.ts";
import { mutate } from "../src/trpc.ts";

const clockWeb = process.env.E2E_CLOCK_WEB_URL!;
const HABIT = "Meditate";

async function meditate(request: Parameters<typeof getToday>[0]) {
  const today = await getToday(request, clockWeb);
  const habit = today.habits.find((h) => h.name === HABIT);
  if (habit === undefined) throw new Error(`${HABIT} is not on Today`);
  return { localDate: today.localDate, habit };
}

test("a skip beyond the month's allowance is refused with a clear message", async ({ page }) => {
  await signIn(page, clockWeb, /Bernd Becker/);
  const { localDate, habit } = await meditate(page.request);
  const { allowance, remaining } = habit.skips;
  if (allowance === null || remaining === null) throw new Error("the seeded plan limits skips");
  expect(habit.state).toBe("pending");
  // Use up the month's skips on the days just before today (late entries, as from another device).
  for (let daysAgo = 1; daysAgo <= remaining; daysAgo++) {
    const day = addDays(localDate, -daysAgo);
    expect(day.slice(0, 7), "the late skips stay in today's month").toBe(localDate.slice(0, 7));
    await mutate(page.request, clockWeb, "log.skip", { habitId: habit.id, localDate: day });
  }

  await page.reload();
  const row = habitRow(page, HABIT);
  const skip = row.getByRole("button", { name: `Skip ${HABIT} (0 left this month)` });
  await skip.click();
  // The API's own words (packages/api services/log.ts), after the row's "Could not skip …".
  await expect(row.getByRole("alert")).toContainText(
    `All ${allowance} skips of this habit for ${localDate.slice(0, 7)} are used: undo one to free it.`,
  );
  // Rolled back: still to do, still offered; and the server stored nothing.
  await expect(row.getByText("To do", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Check in ${HABIT}` })).toBeVisible();
  await expect(skip).toBeVisible();
  const after = await meditate(page.request);
  expect(after.habit.state).toBe("pending");
  expect(after.habit.skips).toEqual({ allowance, used: allowance, remaining: 0 });
});
