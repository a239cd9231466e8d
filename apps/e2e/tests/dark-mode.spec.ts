/**
 * Dark mode: the app follows the system's colour scheme until the member picks one in the menu;
 * the pick is a cookie the server reads, so it holds across reloads and pages and the first paint
 * (the server's HTML) already carries it.
 */
import { expect, test, type Page } from "@playwright/test";
import { menuLink, openMenu } from "../src/header.ts";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

/** The page background's lightness (0 black … 1 white), from the computed colour. */
async function backgroundLightness(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The build writes colours as lab() (Lightning CSS), oklch() where the browser keeps them.
  const lab = /^lab\(([\d.]+)/.exec(colour);
  if (lab) return Number(lab[1]) / 100;
  const oklch = /^oklch\(([\d.]+)/.exec(colour);
  if (oklch) return Number(oklch[1]);
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour);
  if (srgb) return 0.2126 * Number(srgb[1]) + 0.7152 * Number(srgb[2]) + 0.0722 * Number(srgb[3]);
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

const themeSelect = (page: Page) => page.getByRole("combobox", { name: "Theme" });

async function chooseTheme(page: Page, label: "System" | "Light" | "Dark") {
  await openMenu(page);
  await themeSelect(page).selectOption({ label });
}

test("the theme follows the system, and the member's pick holds across reloads and pages", async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  try {
    const page = await context.newPage();
    await signIn(page, web, /Nora Newman/);

    // No choice yet: the system's dark scheme.
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await backgroundLightness(page)).toBeLessThan(0.3);
    await openMenu(page);
    await expect(themeSelect(page)).toHaveValue("system");

    // Light, at once and then on every page.
    await chooseTheme(page, "Light");
    await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(0.9);
    const response = await page.reload();
    // The server's HTML carries the choice: no flash of the system's dark before it applies.
    expect(await response!.text()).toMatch(/<html[^>]* data-theme="light"/);
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
    await (await menuLink(page, "Settings")).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

    // Dark wins over a light system too.
    await page.emulateMedia({ colorScheme: "light" });
    await chooseTheme(page, "Dark");
    await expect.poll(() => backgroundLightness(page)).toBeLessThan(0.3);
    await page.reload();
    expect(await backgroundLightness(page)).toBeLessThan(0.3);

    // Back to System: the (now light) system again.
    await chooseTheme(page, "System");
    await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(0.9);
    const html = await (await page.reload())!.text();
    expect(html).not.toMatch(/<html[^>]* data-theme=/);

    // The console follows the system as well, with its own toggle.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${admin}/`);
    expect(await backgroundLightness(page)).toBeLessThan(0.3);
    await chooseTheme(page, "Light");
    await page.reload();
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
  } finally {
    await context.close();
  }
});
