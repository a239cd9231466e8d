/** axe's WCAG 2.1 A/AA rules on the page as it stands: each violation with up to three nodes. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
}
