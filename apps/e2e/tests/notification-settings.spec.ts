/**
 * Notification preferences (docs/domain.md "Notifications" › "Preferences"): a member turns
 * e-mail off for one category and sets quiet hours in settings; after a reload both are kept,
 * and a critical category stays locked on. The seeded workspaces are on the self-hosted plan,
 * which includes every channel, so no plan limitation is shown here (the API suite covers free).
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;

test("a member turns e-mail off for a category and sets quiet hours, kept after a reload", async ({
  page,
}) => {
  await signIn(page, web, /Bernd Becker/);
  await page.goto(`${web}/settings`);

  const overloadEmail = page.getByRole("checkbox", { name: "Overload warnings: E-mail" });
  await expect(overloadEmail).toBeEnabled();
  await overloadEmail.uncheck();
  await page.getByLabel("Quiet hours from").fill("22:00");
  await page.getByLabel("Quiet hours until").fill("07:00");
  await page.getByLabel("E-mail digest").selectOption("weekly");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Overload warnings: E-mail" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Overload warnings: In app" })).toBeChecked();
  await expect(page.getByLabel("Quiet hours from")).toHaveValue("22:00");
  await expect(page.getByLabel("Quiet hours until")).toHaveValue("07:00");
  await expect(page.getByLabel("E-mail digest")).toHaveValue("weekly");

  // Billing notices are critical: checked and locked.
  const critical = page.getByRole("checkbox", { name: "Payment failed: E-mail" });
  await expect(critical).toBeChecked();
  await expect(critical).toBeDisabled();
});
