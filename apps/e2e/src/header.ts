import type { Locator, Page } from "@playwright/test";

/** The header's menu button: "Menu" on a phone, "Menu: <name>" (the name on screen) from lg. */
export const menuButton = (page: Page): Locator =>
  page.getByRole("banner").getByRole("button", { name: /^Menu/ });

/** Opens the header's menu (if closed) and returns its navigation. */
export async function openMenu(page: Page): Promise<Locator> {
  const button = menuButton(page);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  return page.getByRole("navigation", { name: "Menu" });
}

/** A link in the header's menu (Settings, Billing, Admin console, and every link below lg). */
export async function menuLink(page: Page, name: string): Promise<Locator> {
  return (await openMenu(page)).getByRole("link", { name, exact: true });
}
