/**
 * Members and invitations (docs/domain.md "Members and invitations"): the owner invites an
 * address and gets the link (test mode has no Clerk), the invitee opens it and joins, the owner
 * makes them a coach and then removes them, and the workspace is gone from the invitee's view.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const INVITEE = { name: "Priya Patel", email: "owner.second@atlas.local" };

test("an owner invites, the invitee joins by the link, gets a new role and is removed", async ({
  browser,
}) => {
  const ownerContext = await browser.newContext();
  const inviteeContext = await browser.newContext();
  try {
    const owner = await ownerContext.newPage();
    await signIn(owner, web, /Olivia Owner/);
    await owner.goto(`${web}/workspace`);
    await expect(owner.getByRole("heading", { level: 1, name: "Demo Team" })).toBeVisible();

    // Invite (the section opens on demand): the link is shown to pass on.
    await owner.locator("summary", { hasText: "Invitations" }).click();
    await owner.getByRole("textbox", { name: "E-mail address" }).fill(INVITEE.email.toUpperCase());
    await owner.getByRole("combobox", { name: "Role", exact: true }).selectOption("member");
    await owner.getByRole("button", { name: "Invite", exact: true }).click();
    const link = owner.getByRole("textbox", { name: "Invitation link" });
    await expect(link).toHaveValue(new RegExp(`^${web}/invite/[\\w-]{43}$`));
    const url = await link.inputValue();
    await expect(owner.getByRole("listitem").filter({ hasText: INVITEE.email })).toBeVisible();

    // The invitee signs in as themself, opens the link and joins.
    const invitee = await inviteeContext.newPage();
    await signIn(invitee, web, /Priya Patel/);
    await invitee.goto(url);
    await expect(invitee.getByText(`Signed in as ${INVITEE.email}`)).toBeVisible();
    await invitee.getByRole("button", { name: "Join workspace" }).click();
    await expect(invitee.getByRole("heading", { level: 1, name: "Demo Team" })).toBeVisible();
    await expect(invitee.getByText("Your role: Member")).toBeVisible();
    // A member sees the roster read-only: no role select, no invitations.
    await expect(invitee.getByRole("combobox", { name: /^Role of / })).toHaveCount(0);
    await expect(invitee.getByRole("heading", { name: "Invitations" })).toHaveCount(0);

    // The owner makes them a coach.
    await owner.reload();
    const row = owner.getByRole("row").filter({ hasText: INVITEE.name });
    await expect(row).toBeVisible();
    await expect(owner.getByRole("listitem").filter({ hasText: INVITEE.email })).toHaveCount(0);
    await owner.getByRole("combobox", { name: `Role of ${INVITEE.name}` }).selectOption("coach");
    await expect(owner.getByRole("status").filter({ hasText: "is now coach" })).toBeVisible();
    await invitee.reload();
    await expect(invitee.getByText("Your role: Coach")).toBeVisible();

    // … and removes them, behind a confirmation.
    await row.getByRole("button", { name: `Remove ${INVITEE.name}` }).click();
    await owner
      .getByRole("alertdialog")
      .getByRole("button", { name: /Yes, remove/ })
      .click();
    await expect(owner.getByRole("status").filter({ hasText: "was removed" })).toBeVisible();
    await owner.reload();
    await expect(owner.getByRole("row").filter({ hasText: INVITEE.name })).toHaveCount(0);

    // The removed person no longer sees the workspace.
    await invitee.reload();
    await expect(invitee.getByRole("heading", { level: 1, name: "Demo Team" })).toHaveCount(0);
    await expect(invitee.getByText(/Pick one with the workspace switcher/)).toBeVisible();
    await invitee.getByRole("button", { name: /Workspace:/ }).click();
    const switcher = invitee.getByRole("list", { name: "Workspaces" });
    await expect(switcher.getByRole("button", { name: /Second Workspace/ })).toBeVisible();
    await expect(switcher.getByRole("listitem").filter({ hasText: "Demo Team" })).toHaveCount(0);

    // The used link does not work a second time.
    await invitee.keyboard.press("Escape");
    await invitee.goto(url);
    await invitee.getByRole("button", { name: "Join workspace" }).click();
    await expect(
      invitee.getByRole("alert").filter({ hasText: "This invitation has already been used." }),
    ).toBeVisible();
  } finally {
    await Promise.all([ownerContext.close(), inviteeContext.close()]);
  }
});
