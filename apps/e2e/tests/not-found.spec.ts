/**
 * An address no page answers: HTTP 404 inside the app's shell (the header's main navigation,
 * the way home) for someone signed in, in web and in admin, and a plain page for nobody signed
 * in. The icons and the manifest the pages name answer without a session.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const notFoundHeading = (page: Page) =>
  page.getByRole("heading", { level: 1, name: "Page not found" });

test("an unknown address shows the 404 inside the shell, with the way back to Today", async ({
  page,
}) => {
  await signIn(page, web, /Nora Newman/);
  for (const path of ["/nope", "/habits/does-not-exist/x", "/some/deep/path"]) {
    const response = await page.goto(`${web}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(notFoundHeading(page)).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Today", exact: true })).toBeVisible();
  }

  await page.getByRole("link", { name: "Back to Today" }).click();
  await expect(page).toHaveURL(`${web}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();

  // The console: the same, under its own header.
  const response = await page.goto(`${admin}/members/nope`);
  expect(response?.status()).toBe(404);
  await expect(notFoundHeading(page)).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "This week" })).toBeVisible();
  await page.getByRole("link", { name: "Back to your members" }).click();
  await expect(page).toHaveURL(`${admin}/`);
});

test("nobody signed in: a plain 404 page with the way to Atlas", async ({ page }) => {
  // The proxy sends nobody-signed-in from every other page to the sign-in; /dev/… it lets through.
  const response = await page.goto(`${web}/dev/nope`);
  expect(response?.status()).toBe(404);
  await expect(notFoundHeading(page)).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
  await page.getByRole("link", { name: "Go to Atlas" }).click();
  await expect(page).toHaveURL(/\/dev\/sign-in/);
});

test("the favicon, the icons and the manifest answer without a session", async ({
  page,
  request,
}) => {
  for (const base of [web, admin]) {
    await page.goto(`${base}/dev/sign-in`);
    const href = async (rel: string) => {
      const value = await page.locator(`head link[rel="${rel}"]`).first().getAttribute("href");
      expect(value, `<link rel="${rel}"> on ${base}`).not.toBeNull();
      return new URL(value!, base).href;
    };
    const expectServed = async (url: string, contentType: RegExp) => {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(200);
      expect(response.headers()["content-type"], url).toMatch(contentType);
      return response;
    };

    await expectServed(`${base}/favicon.ico`, /^image\/(x-icon|vnd\.microsoft\.icon)/);
    await expectServed(await href("apple-touch-icon"), /^image\/png/);
    await expect(page.locator('head meta[name="theme-color"]')).toHaveAttribute(
      "content",
      "#2b4fd8",
    );
    const manifest = await expectServed(await href("manifest"), /^application\/manifest\+json/);
    const { name, icons } = (await manifest.json()) as {
      name: string;
      icons: { src: string; sizes: string }[];
    };
    expect(name).toMatch(/^Atlas/);
    expect(icons.map((icon) => icon.sizes)).toEqual(["192x192", "512x512"]);
    for (const icon of icons) await expectServed(new URL(icon.src, base).href, /^image\/png/);
  }
});
