/**
 * A member's day with a new habit: create it, check it in on Today, see today's score and the
 * habit's heatmap change, undo, and see both go back. Screenshots of Today, the habit page and the
 * dashboard are kept (src/screenshots.ts).
 */
import { expect, test, type Page } from "@playwright/test";
import { keepScreenshot } from "../src/screenshots.ts";
import { signIn } from "../src/session.ts";
import { getToday, habitRow, type TodayView } from "../src/today.ts";

const web = process.env.ATLAS_WEB_URL!;
const HABIT = "Morning stretch";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Today's score card shows what the API says: the percentage and "done of due". */
async function expectScore(page: Page, score: TodayView["score"]) {
  const card = page.getByRole("region", { name: "Today's score" });
  await expect(card.getByRole("progressbar", { name: "Today's score" })).toHaveAttribute(
    "aria-valuetext",
    score.percent === null ? "No score yet" : `${score.percent}%`,
  );
  await expect(card).toContainText(`${score.doneCount} of ${score.dueCount} done`);
}

/** The heatmap's name sums the year up (one day so far) and ends with today's state. */
async function expectHeatmapToday(page: Page, state: "met" | "pending") {
  await expect(page.getByRole("heading", { level: 1, name: HABIT })).toBeVisible();
  await expect(
    page.getByRole("img", { name: new RegExp(`^Heatmap of ${HABIT},`) }),
  ).toHaveAccessibleName(new RegExp(`: 1 ${state}\\. .*: ${state}\\.$`));
}

test("create a habit, check in, see the score and heatmap change, undo", async ({
  page,
}, testInfo) => {
  await signIn(page, web, /Nora Newman/);

  await nav(page).getByRole("link", { name: "Habits", exact: true }).click();
  // The form opens from "New habit" (it loads then: docs/adr/0013).
  await page.locator("summary", { hasText: "New habit" }).click();
  const form = page.getByRole("region", { name: "New habit" });
  await form.getByRole("textbox", { name: "Name" }).fill(HABIT);
  await expect(form.getByRole("combobox", { name: "Schedule" })).toHaveValue("daily");
  await form.getByRole("button", { name: "Create habit" }).click();
  await form.getByRole("link", { name: HABIT }).click();
  await expectHeatmapToday(page, "pending");

  await nav(page).getByRole("link", { name: "Today", exact: true }).click();
  const row = habitRow(page, HABIT);
  await expect(row.getByText("To do", { exact: true })).toBeVisible();
  const before = await getToday(page.request, web);
  await expectScore(page, before.score);

  await row.getByRole("button", { name: `Check in ${HABIT}` }).click();
  // Shown at once; enabled once the server has answered (it then knows the entry to undo).
  await expect(row.getByRole("button", { name: `Undo check-in for ${HABIT}` })).toBeEnabled();
  const after = await getToday(page.request, web);
  expect(after.habits.find((h) => h.name === HABIT)?.state).toBe("met");
  expect(after.score.doneCount).toBe(before.score.doneCount + 1);
  await expectScore(page, after.score);
  await keepScreenshot(page, testInfo, "today");

  await row.getByRole("link", { name: HABIT }).click();
  await expectHeatmapToday(page, "met");
  await keepScreenshot(page, testInfo, "habit");

  await nav(page).getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Today's score" }).getByRole("progressbar"),
  ).toHaveAttribute(
    "aria-valuetext",
    after.score.percent === null ? "No score yet" : `${after.score.percent}%`,
  );
  await keepScreenshot(page, testInfo, "dashboard");

  await nav(page).getByRole("link", { name: "Today", exact: true }).click();
  await row.getByRole("button", { name: `Undo check-in for ${HABIT}` }).click();
  await expect(row.getByRole("button", { name: `Check in ${HABIT}` })).toBeEnabled();
  await expect(row.getByText("To do", { exact: true })).toBeVisible();
  await expectScore(page, before.score);
  expect((await getToday(page.request, web)).score).toEqual(before.score);

  await row.getByRole("link", { name: HABIT }).click();
  await expectHeatmapToday(page, "pending");
});
