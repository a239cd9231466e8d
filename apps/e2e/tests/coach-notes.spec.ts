/**
 * The coach's drill-down (docs/domain.md "Coach drill-down", "Coach notes"): the coach opens a
 * member's page in admin, sees their Today, writes a shared note, and the member reads it in the
 * web app with the coach's name.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";
import { demoTeamMember } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test("a coach's shared note reaches the member, with the coach's name", async ({
  browser,
  page,
}) => {
  await signIn(page, web, /Carlos Coach/);
  const nora = await demoTeamMember(page.request, web, "Nora Newman");

  const opened = await page.goto(`${admin}/members/${nora.workspaceId}/${nora.memberId}`);
  expect(opened?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Nora Newman" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today's score" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Log", exact: true })).toBeVisible();

  const text = `Lovely consistency this week (${randomUUID().slice(0, 8)})`;
  await page.getByLabel("New note").fill(text);
  await page.getByLabel("Who sees it").selectOption("shared");
  await page.getByRole("button", { name: "Add note" }).click();
  const notes = page.getByRole("list", { name: "Notes" });
  await expect(notes.getByText(text)).toBeVisible();
  await expect(page.getByLabel("New note")).toHaveValue("");

  // Nora, in the web app, reads it on her dashboard with her coach's name.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, web, /Nora Newman/);
  await memberPage.goto(`${web}/dashboard`);
  const shared = memberPage.getByRole("region", { name: "Notes from your coach" });
  await expect(shared.getByText(text)).toBeVisible();
  await expect(shared.getByText(/Carlos Coach/).first()).toBeVisible();
  await member.close();

  // Another member of the workspace does not see it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, web, /Bernd Becker/);
  await otherPage.goto(`${web}/dashboard`);
  await expect(otherPage.getByRole("heading", { name: "Notes from your coach" })).toBeVisible();
  await expect(otherPage.getByText(text)).toHaveCount(0);
  await other.close();
});
