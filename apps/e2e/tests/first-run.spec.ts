/**
 * The first run (docs/domain.md "First run"): a brand-new member sees the guide instead of an
 * empty Today, picks two starter habits (changing one), sets capacity, checks in once and lands
 * on the normal Today with one habit checked; the guide never comes back. Another new member
 * skips it.
 */
import { expect, test } from "@playwright/test";
import { newDemoMember } from "../src/members.ts";
import { signIn } from "../src/session.ts";
import { getToday, habitRow } from "../src/today.ts";
import { query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const GUIDE = { level: 1, name: "Welcome to Atlas" } as const;
const TODAY = { level: 1, name: "Today" } as const;

test("a new member picks starter habits, sets capacity, checks in once and lands on Today", async ({
  page,
}) => {
  await newDemoMember("Fern Fresh");
  await signIn(page, web, /Fern Fresh/);
  await expect(page.getByRole("heading", GUIDE)).toBeVisible();
  await expect(page.getByText("Step 1 of 3")).toBeVisible();

  // Step 1: two templates, one of them changed.
  await page.getByRole("checkbox", { name: /^Read\b/ }).check();
  await page.getByRole("checkbox", { name: /^Drink water\b/ }).check();
  await page.getByRole("spinbutton", { name: "Minutes for Read" }).fill("25");
  await expect(page.getByText("2 picked · 25 min on a day they are all due")).toBeVisible();
  await page.getByRole("button", { name: "Create 2 habits" }).click();

  // Step 2: what the habits need against capacity, then the capacity form.
  await expect(page.getByText("Step 2 of 3")).toBeVisible();
  await expect(page.getByRole("heading", { name: "What your habits need" })).toBeVisible();
  await expect(page.getByText("Up to 25 min a day over the next week.")).toBeVisible();
  await page.getByRole("spinbutton", { name: "Saturday" }).fill("60");
  await page.getByRole("spinbutton", { name: "Sunday" }).fill("45");
  await page.getByRole("button", { name: "Save capacity" }).click();

  // Step 3: today's new habits; one check-in, then "You're set".
  await expect(page.getByText("Step 3 of 3")).toBeVisible();
  await expect(page.getByRole("heading", { name: "You’re set" })).toHaveCount(0);
  await habitRow(page, "Read").getByRole("button", { name: "Check in Read" }).click();
  await expect(page.getByRole("heading", { name: "You’re set" })).toBeVisible();
  await page.getByRole("button", { name: "Go to my Today" }).click();

  // The normal Today: both habits, one checked.
  await expect(page.getByRole("heading", TODAY)).toBeVisible();
  await expect(page.getByRole("heading", GUIDE)).toHaveCount(0);
  await expect(
    habitRow(page, "Read").getByRole("button", { name: "Undo check-in for Read" }),
  ).toBeVisible();
  await expect(
    habitRow(page, "Drink water").getByRole("button", { name: "Check in Drink water" }),
  ).toBeVisible();
  const today = await getToday(page.request, web);
  expect(today.habits.map((h) => [h.name, h.state]).sort()).toEqual([
    ["Drink water", "pending"],
    ["Read", "met"],
  ]);
  const capacity = await query<{ satMinutes: number; sunMinutes: number }>(
    page.request,
    web,
    "membership.capacity.get",
  );
  expect([capacity.satMinutes, capacity.sunMinutes]).toEqual([60, 45]);

  // The guide does not come back.
  await page.reload();
  await expect(page.getByRole("heading", TODAY)).toBeVisible();
  await expect(page.getByRole("heading", GUIDE)).toHaveCount(0);
});

test("another new member skips the guide and gets the normal Today for good", async ({ page }) => {
  await newDemoMember("Sid Skipper");
  await signIn(page, web, /Sid Skipper/);
  await expect(page.getByRole("heading", GUIDE)).toBeVisible();
  await page.getByRole("button", { name: "Skip, I’ll set up myself" }).click();
  await expect(page.getByRole("heading", TODAY)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing due today" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", TODAY)).toBeVisible();
  await expect(page.getByRole("heading", GUIDE)).toHaveCount(0);
});
