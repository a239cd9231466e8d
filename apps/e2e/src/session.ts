import { expect, type Page } from "@playwright/test";

/** Signs in on `baseUrl`'s dev sign-in page as the seeded user whose button matches `name`. */
export async function signIn(page: Page, baseUrl: string, name: RegExp) {
  await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/dev\/sign-in/);
  await page.getByRole("button", { name }).click();
  // Signed in once the cookie is set and the app has sent us home.
  await expect(page).toHaveURL(`${baseUrl}/`);
}
