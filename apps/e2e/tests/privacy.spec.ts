/**
 * In a workspace that does not share progress (the seed's default, Workspace.sharesProgress), a
 * member cannot open a teammate's habit page: a real HTTP 403 with the reason, none of the habit.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";
import { query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;

test("a member cannot open a teammate's habit page when progress is not shared", async ({
  browser,
  page,
}) => {
  // Bernd's own habit, and Bernd may open its page.
  const bernd = await browser.newContext();
  const berndPage = await bernd.newPage();
  await signIn(berndPage, web, /Bernd Becker/);
  const habits = await query<{ items: { id: string; title: string }[] }>(
    berndPage.request,
    web,
    "habit.list",
  );
  const meditate = habits.items.find((h) => h.title === "Meditate");
  if (meditate === undefined) throw new Error("Bernd has no Meditate habit");
  const own = await berndPage.goto(`${web}/habits/${meditate.id}`);
  expect(own?.status()).toBe(200);
  await expect(berndPage.getByRole("heading", { level: 1, name: "Meditate" })).toBeVisible();
  await bernd.close();

  // Nora, his teammate in Demo Team, may not.
  await signIn(page, web, /Nora Newman/);
  const refused = await page.goto(`${web}/habits/${meditate.id}`);
  expect(refused?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { level: 1, name: "This workspace does not share progress" }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /Heatmap/ })).toHaveCount(0);
  await expect(page.getByText("Bernd Becker")).toHaveCount(0);
});
