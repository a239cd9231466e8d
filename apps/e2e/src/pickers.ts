import { expect, type Page } from "@playwright/test";

/**
 * Chooses `zone` in the time-zone picker labelled `label`: types `search` (a city, region or
 * offset) and clicks the option naming the zone.
 */
export async function chooseTimeZone(
  page: Page,
  search: string,
  zone: string,
  label = "Time zone",
) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(search);
  await page
    .getByRole("listbox", { name: "Time zones" })
    .getByRole("option", { name: ` · ${zone} ` })
    .click();
  await expect(box).toHaveValue(new RegExp(` · ${zone} `));
}
