/**
 * The AI planner (docs/domain.md "AI suggestions"), on the local planner (the stack has no model
 * key): a member plans a goal, edits one proposed task, accepts, and finds the tasks on the goal;
 * a member with a low acceptance asks for a weekly plan, it waits in the coach's approval queue,
 * the coach approves it with a note, and the member sees it to decide.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { violations } from "../src/axe.ts";
import { signIn } from "../src/session.ts";
import { mutate } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test("plan a goal, edit one item, accept, see the tasks", async ({ page }) => {
  await signIn(page, web, /Nora Newman/);
  const goal = await mutate<{ id: string }>(page.request, web, "goal.create", {
    title: `Learn to sail ${randomUUID().slice(0, 6)}`,
    description: "Crew a weekend regatta by the end of summer.",
  });

  await page.goto(`${web}/goals/${goal.id}`);
  await page.getByRole("button", { name: "Plan this goal" }).click();
  const plan = page.getByRole("region", { name: "Plan for this goal" });
  await expect(plan.getByRole("heading", { name: "What would change" })).toBeVisible();
  // The review's controls pass axe's WCAG 2.1 A/AA rules.
  expect(await violations(page)).toEqual([]);

  // Edit the first proposed task's title, accept everything else as proposed.
  const firstTask = plan.getByRole("group", { name: /^Decision on New task/ }).first();
  await firstTask.getByText("Edit before accepting").click();
  await firstTask.getByLabel("Title").fill("Book a first sailing lesson");
  await plan.getByRole("button", { name: "Apply my choices" }).click();

  // Decided, the plan card gives way to the button again, and the tasks serve the goal.
  const tasks = page.getByRole("region", { name: "Tasks" });
  await expect(tasks.getByRole("link", { name: "Book a first sailing lesson" })).toBeVisible();
  expect(await tasks.getByRole("listitem").count()).toBeGreaterThan(1);
  await expect(page.getByRole("button", { name: "Plan this goal" })).toBeVisible();
});

test("a low-acceptance member's weekly plan waits for the coach, who approves it; the member sees it", async ({
  browser,
  page,
}) => {
  await signIn(page, web, /Bernd Becker/);
  for (const title of ["Draft the quarterly report", "Review the supplier contract"]) {
    await mutate(page.request, web, "task.create", { title, estimateMinutes: 45 });
  }

  // A first plan, rejected: Bernd's acceptance of weekly plans falls below the threshold.
  await page.goto(`${web}/plan`);
  await page.getByRole("button", { name: "Plan my week" }).click();
  const week = page.getByRole("region", { name: /^The week of/ });
  await expect(week.getByRole("heading", { name: "What would change" })).toBeVisible();
  await week.getByRole("button", { name: "Reject all" }).click();
  await expect(week).toHaveCount(0);

  await page.getByRole("button", { name: "Plan my week" }).click();
  await expect(page.getByText(/it shows here once they approve it/)).toBeVisible();

  // The coach approves it with a note.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signIn(coach, admin, /Carlos Coach/);
  await coach.goto(`${admin}/approvals`);
  const entry = coach.getByRole("region", { name: "Weekly plan for Bernd Becker" });
  await expect(entry.getByText(/Draft the quarterly report/)).toBeVisible();
  expect(await violations(coach)).toEqual([]);
  await entry.getByRole("checkbox", { name: "Select Weekly plan for Bernd Becker" }).check();
  await coach.getByLabel("Note for the member (optional)").fill("Keep Friday light.");
  await coach.getByRole("button", { name: /Approve selected/ }).click();
  await expect(entry).toHaveCount(0);
  await coachContext.close();

  // Bernd sees it, with the note, and accepts it.
  await page.goto(`${web}/plan`);
  const approved = page.getByRole("region", { name: /^The week of/ });
  await expect(approved.getByText("Keep Friday light.")).toBeVisible();
  await expect(approved.getByText(/^Move Draft the quarterly report/).first()).toBeVisible();
  await approved.getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByRole("button", { name: "Plan my week" })).toBeVisible();

  // The history keeps the decision and the coach's review.
  await page.goto(`${web}/suggestions`);
  const latest = page.getByRole("listitem").first();
  await expect(latest.getByText("Accepted", { exact: true })).toBeVisible();
  await expect(latest.getByText("Reviewed by Carlos Coach: Keep Friday light.")).toBeVisible();
});
