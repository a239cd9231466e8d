/**
 * "This week" in admin: the coach of both seeded workspaces opens /week from the header and finds
 * one card per workspace, each with its progress, plans and problems and links to its members.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test("the coach's week page shows a card for each workspace they coach", async ({ page }) => {
  await signIn(page, web, /Carlos Coach/);
  await page.goto(`${admin}/`);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "This week" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "This week" })).toBeVisible();
  for (const name of ["Demo Team", "Second Workspace"]) {
    const card = page.getByRole("region", { name });
    await expect(card).toBeVisible();
    for (const column of ["Progress", /Plans for the week of/, "Problems"]) {
      await expect(card.getByRole("heading", { level: 3, name: column })).toBeVisible();
    }
  }
  // Members link to their drill-down.
  const demo = page.getByRole("region", { name: "Demo Team" });
  await expect(demo.getByRole("link").first()).toHaveAttribute("href", /^\/members\/[^/]+\/[^/]+$/);
});
