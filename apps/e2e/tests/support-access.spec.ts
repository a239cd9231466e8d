/**
 * Support access, end to end (docs/domain.md "Support access"): Atlas staff ask for access to a
 * workspace in admin, its owner approves in the web app and sees the banner, staff read the
 * workspace under the grant, and the owner's revoke refuses staff's very next read.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test("staff request access, the owner approves, staff read, the owner revokes", async ({
  browser,
}) => {
  const staffContext = await browser.newContext();
  const ownerContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const owner = await ownerContext.newPage();

  await signIn(staff, admin, /Stella Staff/);
  await staff.goto(`${admin}/platform/support`);
  const form = staff.getByRole("form", { name: "Request support access" });
  await form.getByLabel("Workspace").selectOption({ label: "Demo Team" });
  await form.getByLabel(/Reason/).fill("Nora reports a streak that looks wrong");
  await form.getByRole("button", { name: "Request access" }).click();
  const grants = staff.getByRole("list", { name: "Your grants" });
  await expect(grants).toContainText("requested");
  await expect(staff.getByRole("link", { name: "Open Demo Team" })).toHaveCount(0);

  await signIn(owner, web, /Olivia Owner/);
  await owner
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Workspace", exact: true })
    .click();
  // The closed section says a request waits; it opens (and loads) on demand.
  const section = owner.locator("summary", { hasText: "Support access" });
  await expect(section).toHaveText(/^Support access \(\d+ waiting for you\)$/);
  await section.click();
  const requests = owner.getByRole("list", { name: "Support requests" });
  await expect(requests).toContainText("Nora reports a streak that looks wrong");
  await requests.getByRole("button", { name: "Approve" }).click();
  await expect(
    owner.getByRole("status").filter({ hasText: /Atlas support \(Stella Staff\)/ }),
  ).toBeVisible();

  await staff.reload();
  await staff.getByRole("link", { name: "Open Demo Team" }).click();
  await expect(
    staff.getByText(/You are viewing Demo Team under support access until/),
  ).toBeVisible();
  await expect(staff.getByRole("table")).toContainText("Nora Newman");

  await owner
    .getByRole("status")
    .filter({ hasText: /Atlas support/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(owner.getByRole("status").filter({ hasText: /Atlas support/ })).toHaveCount(0);

  await staff.reload();
  // Next.js adds its own (empty) route-announcer alert: look inside the page only.
  await expect(staff.getByRole("main").getByRole("alert")).toContainText(
    /no active support access/,
  );
  await expect(staff.getByRole("table")).toHaveCount(0);

  await staffContext.close();
  await ownerContext.close();
});
