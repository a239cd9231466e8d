import type { Locator, Page } from "@playwright/test";

/** The header's menu button: "Menu" on a phone, "Menu: <name>" (the name on screen) from lg. */
export const menuButton = (page: Page): Locator =>
  page.getByRole("banner").getByRole("button", { name: /^Menu/ });

/**
 * The menu button's expanded state as Chromium's accessibility tree has it (what a screen reader
 * hears): a popovertarget button carries no aria-expanded attribute, the browser derives the state
 * from its popover. Undefined when the tree has none.
 */
export async function menuExpanded(page: Page): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", {
      nodeId: root.nodeId,
      selector: "header button[popovertarget='header-menu']",
    });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", {
      nodeId,
      fetchRelatives: false,
    });
    const expanded = nodes[0]?.properties?.find((property) => property.name === "expanded");
    return expanded ? expanded.value.value === true : undefined;
  } finally {
    await cdp.detach();
  }
}

/** Opens the header's menu (if closed) and returns its navigation. */
export async function openMenu(page: Page): Promise<Locator> {
  const isOpen = await page
    .locator("#header-menu")
    .evaluate((panel) => panel.matches(":popover-open"));
  if (!isOpen) await menuButton(page).click();
  return page.getByRole("navigation", { name: "Menu" });
}

/** A link in the header's menu (Settings, Billing, Admin console, and every link below lg). */
export async function menuLink(page: Page, name: string): Promise<Locator> {
  return (await openMenu(page)).getByRole("link", { name, exact: true });
}
