/**
 * The live inbox (docs/architecture.md "Live inbox"): a coach shares a note in the admin console;
 * the member's bell, open in the web app, counts it without a reload, and the member opens it
 * from the inbox and lands on the note.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";
import { query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

/** The count in the bell's accessible name ("Inbox, 3 unread" / "Inbox, no unread notifications"). */
function unreadOf(name: string | null): number {
  const match = /Inbox, (\d+) unread/.exec(name ?? "");
  return match ? Number(match[1]) : 0;
}

test("a shared note rings the member's bell live and opens from the inbox", async ({
  browser,
  page,
}) => {
  // Nora has the app open first.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, web, /Nora Newman/);
  await memberPage.goto(`${web}/tasks`);
  const bell = memberPage.getByRole("link", { name: /^Inbox,/ });
  await expect(bell).toBeVisible();
  const before = unreadOf(await bell.getAttribute("aria-label"));

  // Her coach shares a note in the console.
  await signIn(page, web, /Carlos Coach/);
  const workspaces = await query<{ items: { id: string; name: string }[] }>(
    page.request,
    web,
    "workspace.list",
    { limit: 100 },
  );
  const demo = workspaces.items.find((w) => w.name === "Demo Team");
  if (demo === undefined) throw new Error("the coach is not in Demo Team");
  const members = await query<{ items: { id: string; name: string }[] }>(
    page.request,
    web,
    "workspace.members",
    { workspaceId: demo.id, limit: 100 },
  );
  const nora = members.items.find((m) => m.name === "Nora Newman");
  if (nora === undefined) throw new Error("Nora is not in Demo Team");
  await page.goto(`${admin}/members/${demo.id}/${nora.id}`);
  const text = `Great focus this week (${randomUUID().slice(0, 8)})`;
  await page.getByLabel("New note").fill(text);
  await page.getByLabel("Who sees it").selectOption("shared");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" }).getByText(text)).toBeVisible();

  // Nora's bell counts it without a reload.
  await expect(bell).toHaveAccessibleName(`Inbox, ${before + 1} unread`);

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
  await expect(bell).toHaveAccessibleName(
    before === 0 ? "Inbox, no unread notifications" : `Inbox, ${before} unread`,
  );
  await member.close();
});
