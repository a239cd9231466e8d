/**
 * The first journeys, against production builds in Debian's Chromium: sign in on the dev page,
 * land in a workspace, switch, and never see the previous workspace's people; the coach opens
 * admin and sees both workspaces; a member who coaches nothing is refused there.
 */
import { expect, test, type Page } from "@playwright/test";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;
const DEMO_ONLY = ["Nora Newman", "Bernd Becker", "Kenji Kato"];

async function signIn(page: Page, name: RegExp) {
  await page.goto(`${web}/`);
  await expect(page).toHaveURL(/\/dev\/sign-in/);
  await page.getByRole("button", { name }).click();
  // Signed in once the cookie is set and the app has sent us home.
  await expect(page).toHaveURL(`${web}/`);
}

test("a member of two workspaces switches and never sees the first one's people", async ({ page }) => {
  await signIn(page, /Sam Sutherland/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Team" })).toBeVisible();
  const members = page.getByRole("table");
  for (const name of DEMO_ONLY) await expect(members).toContainText(name);

  await page.getByRole("button", { name: /Workspace:/ }).click();
  await page.getByRole("menuitemradio", { name: /Second Workspace/ }).click();
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
  await signIn(page, /Carlos Coach/);
  await page.goto(`${admin}/`);
  await expect(page.getByRole("heading", { name: "Demo Team" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Second Workspace" })).toBeVisible();
});

test("a member who coaches nothing is refused by admin", async ({ page }) => {
  await signIn(page, /Nora Newman/);
  await page.goto(`${admin}/`);
  await expect(page.getByText(/Atlas admin is for coaches/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demo Team" })).toHaveCount(0);
});
