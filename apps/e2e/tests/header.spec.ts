/**
 * The headers: one row at every width (the links fold into the menu instead of wrapping), and on a
 * phone the menu holds everything the laptop header shows: every page, Billing, the workspace
 * switcher, the member's name and sign out. The menu closes on Escape and gives focus back.
 */
import { expect, test, type Page } from "@playwright/test";
import { menuButton, menuExpanded, openMenu } from "../src/header.ts";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;
const WIDTHS = [320, 768, 1024, 1280, 1920];

/** The header's height against one row (its first child, the h-14 bar). */
async function headerRows(page: Page) {
  return page.getByRole("banner").evaluate((header) => {
    const bar = header.firstElementChild as HTMLElement;
    const overflows = Array.from(bar.querySelectorAll<HTMLElement>("*")).some(
      (el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
    );
    return { height: header.getBoundingClientRect().height, row: bar.scrollHeight, overflows };
  });
}

test("web and console headers stay one row from 320 to 1920 px", async ({ page }) => {
  // A coach with two workspaces and the console link: the fullest header there is.
  await signIn(page, web, /Carlos Coach/);
  const found: string[] = [];
  for (const [app, path] of [
    ["web", `${web}/`],
    ["admin", `${admin}/`],
  ] as const) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      await expect(page.getByRole("banner")).toBeVisible();
      const { height, row, overflows } = await headerRows(page);
      // One 56 px row plus the 1 px border; nothing past the right edge.
      if (height > 57.5 || row > 56.5 || overflows) {
        found.push(`${app} at ${width}px: ${height}px high, row ${row}px, overflows ${overflows}`);
      }
    }
  }
  expect(found).toEqual([]);
});

test("on a phone the menu holds every link, the switcher, the member and sign out", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, web, /Olivia Owner/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const button = menuButton(page);
  expect(await menuExpanded(page)).toBe(false);

  const menu = await openMenu(page);
  await expect.poll(() => menuExpanded(page)).toBe(true);
  for (const name of [
    "Today",
    "Dashboard",
    "Habits",
    "Goals",
    "Tasks",
    "Plan",
    "Workspace",
    "Settings",
    "Billing",
  ]) {
    await expect(menu.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: /^Workspace: / })).toBeVisible();
  await expect(page.getByText("Signed in as Olivia Owner")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Focus went into the menu; Escape closes it and hands focus back to the button.
  await expect(menu.getByRole("link", { name: "Today", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  expect(await menuExpanded(page)).toBe(false);

  // Following a link closes the menu.
  await (await openMenu(page)).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
});
