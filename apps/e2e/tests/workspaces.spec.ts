/**
 * The first journeys, against production builds in Debian's Chromium: sign in on the dev page,
 * land in a workspace, switch, and never see the previous workspace's people; the coach opens
 * admin and sees both workspaces; a member who coaches nothing is refused there.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;
const DEMO_ONLY = ["Nora Newman", "Bernd Becker", "Kenji Kato"];

test("a member of two workspaces switches and never sees the first one's people", async ({
  page,
}) => {
  await signIn(page, web, /Sam Sutherland/);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Workspace", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo Team" })).toBeVisible();
  const members = page.getByRole("table");
  for (const name of DEMO_ONLY) await expect(members).toContainText(name);

  await page.getByRole("button", { name: /Workspace:/ }).click();
  const switcher = page.getByRole("list", { name: "Workspaces" });
  await expect(switcher.locator("[aria-current=true]")).toHaveText(/Demo Team/);
  await switcher.getByRole("button", { name: /Second Workspace/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second Workspace" })).toBeVisible();
  await expect(members).toContainText("Sam Sutherland");
  for (const name of DEMO_ONLY) await expect(members).not.toContainText(name);

  // The API behind the page answers for the new workspace only.
  const response = await page.request.get(`${web}/api/trpc/workspace.members`);
  expect(response.status()).toBe(200);
  const body = await response.text();
  for (const name of DEMO_ONLY) expect(body).not.toContain(name);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Second Workspace" })).toBeVisible();
  for (const name of DEMO_ONLY) await expect(members).not.toContainText(name);
});

test("the coach opens admin and sees both workspaces", async ({ page }) => {
  await signIn(page, web, /Carlos Coach/);
  await page.goto(`${admin}/`);
  const workspaces = page.getByLabel("Workspace");
  await expect(workspaces.getByRole("option", { name: "Demo Team" })).toBeAttached();
  await expect(workspaces.getByRole("option", { name: "Second Workspace" })).toBeAttached();
});

test("a member who coaches nothing is refused by admin", async ({ page }) => {
  await signIn(page, web, /Nora Newman/);
  await page.goto(`${admin}/`);
  await expect(page.getByText(/Atlas admin is for coaches/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Members by risk" })).toHaveCount(0);
});
