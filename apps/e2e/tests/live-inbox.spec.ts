/**
 * The live inbox (docs/architecture.md "Live inbox"): a coach shares a note in the admin console;
 * the member's bell, open in the web app, counts it without a reload, and the member opens it
 * from the inbox and lands on the note; with the inbox open, the next note joins its list live.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";
import { demoTeamId, demoTeamMember, mutate } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test("a shared note rings the member's bell live and opens from the inbox", async ({
  browser,
  page,
}) => {
  // Nora has the app open first.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, web, /Nora Newman/);
  // Earlier journeys may have left her notices: she starts from a read inbox, so the count the
  // bell shows is known before the note (the first render may not have counted yet).
  await mutate(memberPage.request, web, "inbox.markAllRead", {
    workspaceId: await demoTeamId(memberPage.request, web),
  });
  await memberPage.goto(`${web}/tasks`);
  const bell = memberPage.getByRole("link", { name: /^Inbox,/ });
  await expect(bell).toHaveAccessibleName("Inbox, no unread notifications");

  // Her coach shares a note in the console.
  await signIn(page, web, /Carlos Coach/);
  const nora = await demoTeamMember(page.request, web, "Nora Newman");
  await page.goto(`${admin}/members/${nora.workspaceId}/${nora.memberId}`);
  const text = `Great focus this week (${randomUUID().slice(0, 8)})`;
  await page.getByLabel("New note").fill(text);
  await page.getByLabel("Who sees it").selectOption("shared");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" }).getByText(text)).toBeVisible();

  // Nora's bell counts it without a reload.
  await expect(bell).toHaveAccessibleName("Inbox, 1 unread");

  // She opens it from the inbox and lands on the note.
  await bell.click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const notice = memberPage.getByRole("list", { name: "Notifications" }).getByRole("button", {
    name: new RegExp(`Carlos Coach shared a note with you.*${text.replace(/[()]/g, "\\$&")}`),
  });
  await notice.click();
  await expect(memberPage).toHaveURL(/\/dashboard\?note=/);
  const shared = memberPage.getByRole("region", { name: "Notes from your coach" });
  await expect(shared.getByText(text)).toBeVisible();
  await expect(bell).toHaveAccessibleName("Inbox, no unread notifications");

  // With her inbox open, the next shared note joins the list without a reload (the bell's news
  // tells the list to read again).
  await bell.click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const next = `Keep the streak going (${randomUUID().slice(0, 8)})`;
  await page.getByLabel("New note").fill(next);
  await page.getByLabel("Who sees it").selectOption("shared");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(
    memberPage
      .getByRole("list", { name: "Notifications" })
      .getByRole("button", { name: new RegExp(next.replace(/[()]/g, "\\$&")) }),
  ).toBeVisible();
  await expect(bell).toHaveAccessibleName("Inbox, 1 unread");
  await member.close();
});
