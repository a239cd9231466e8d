/**
 * Every member page passes axe's WCAG 2.1 A/AA rules, on a laptop and on a phone (with the menu
 * open), in the light and the dark theme: names on every control, labels, contrast, landmarks,
 * heading order, ARIA used as specified.
 */
import { expect, test } from "@playwright/test";
import { violations } from "../src/axe.ts";
import { newDemoMember } from "../src/members.ts";
import { openMenu } from "../src/header.ts";
import { signIn } from "../src/session.ts";
import { query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const WIDTHS = [
  { name: "laptop", width: 1280, height: 900, isMenuOpen: false },
  { name: "phone", width: 375, height: 812, isMenuOpen: true },
] as const;
const SCHEMES = ["light", "dark"] as const;

test("the member pages have no WCAG 2.1 A/AA violations", async ({ page }) => {
  await signIn(page, web, /Nora Newman/);
  const habits = await query<{ items: { id: string }[] }>(page.request, web, "habit.list");
  const goals = await query<{ items: { id: string }[] }>(page.request, web, "goal.list");
  const paths = [
    "/",
    "/dashboard",
    "/habits",
    `/habits/${habits.items[0]!.id}`,
    "/goals",
    `/goals/${goals.items[0]!.id}`,
    "/tasks",
    "/plan",
    "/suggestions",
    "/workspace",
    "/settings",
  ];
  // Every page is checked before the verdict, so one run names every problem.
  const found: Record<string, Awaited<ReturnType<typeof violations>>> = {};
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const path of paths) {
        await page.goto(`${web}${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (size.isMenuOpen) await openMenu(page);
        const problems = await violations(page);
        if (problems.length > 0) found[`${path} (${size.name}, ${scheme})`] = problems;
      }
    }
  }
  expect(found).toEqual({});
});

test("a new member's first-run guide has no WCAG 2.1 A/AA violations", async ({ page }) => {
  await newDemoMember("Ada Accessible");
  await signIn(page, web, /Ada Accessible/);
  const found: Record<string, Awaited<ReturnType<typeof violations>>> = {};
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${web}/`);
      await expect(page.getByRole("heading", { level: 1, name: "Welcome to Atlas" })).toBeVisible();
      // With a template picked, its fields show too.
      await page.getByRole("checkbox", { name: /^Read\b/ }).check();
      const problems = await violations(page);
      if (problems.length > 0) found[`/ first run (${size.name}, ${scheme})`] = problems;
    }
  }
  expect(found).toEqual({});
});
