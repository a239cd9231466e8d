/**
 * Billing, end to end (docs/domain.md "Billing page"), on the web server that runs with billing on
 * against the local fake Stripe: the owner of a free workspace upgrades through Checkout (the
 * fake's hosted page sends the browser back), and the page shows the Team plan and its seats; a
 * member cannot open billing; when a payment fails, owners see the past-due banner, members not.
 * And on the main server, which runs without Stripe keys, the page says billing is off.
 */
import AxeBuilder from "@axe-core/playwright";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import { createPrismaClient } from "@atlas/db";
import { expect, test, type Page } from "@playwright/test";
import { keepScreenshot } from "../src/screenshots.ts";
import { signIn } from "../src/session.ts";
import { menuLink } from "../src/header.ts";

const web = process.env.E2E_BILLING_WEB_URL!;
/** The main web server runs with billing off. */
const webWithoutBilling = process.env.ATLAS_WEB_URL!;
const fakeStripe = process.env.E2E_FAKE_STRIPE_URL!;

/** A workspace of its own on the free plan: the seeded ones run the self-hosted plan. */
const OWNER = { name: "Bianca Bright", email: "bianca.bright@atlas.test" };
const MEMBER = { name: "Milo Marsh", email: "milo.marsh@atlas.test" };
let workspaceId: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = createPrismaClient(process.env.E2E_DATABASE_ADMIN_URL!);
  try {
    const free = await db.plan.findUniqueOrThrow({ where: { key: "free" } });
    const workspace = await db.workspace.create({
      data: {
        name: "Juniper Labs",
        slug: "juniper-labs",
        planId: free.id,
        entitlements: entitlementsColumn("free"),
      },
    });
    workspaceId = workspace.id;
    for (const [person, role] of [
      [OWNER, "owner"],
      [MEMBER, "member"],
    ] as const) {
      const user = await db.user.create({ data: person });
      await db.membership.create({ data: { workspaceId, userId: user.id, role } });
    }
  } finally {
    await db.$disconnect();
  }
});

const billingLink = (page: Page) => menuLink(page, "Billing");

test("the owner upgrades through Checkout and sees the Team plan and its seats", async ({
  page,
}, testInfo) => {
  await signIn(page, web, /Bianca Bright/);
  await (await billingLink(page)).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Free plan" })).toBeVisible();
  await expect(
    page.getByText(
      "Members who join are billed from your next invoice; members who leave are billed until the period ends.",
    ),
  ).toBeVisible();

  await page
    .getByRole("list", { name: "Plans" })
    .getByRole("button", { name: "Try Team free for 14 days" })
    .click();
  await expect(page).toHaveURL(new RegExp(`^${fakeStripe}/checkout/`));
  await expect(page.getByRole("heading", { name: "Subscribe to Team" })).toBeVisible();
  await expect(page.getByText("2 seats × $8.00 per month")).toBeVisible();
  await page.getByRole("button", { name: "Start trial" }).click();

  await expect(page).toHaveURL(`${web}/billing?checkout=success`);
  // The webhook's sync runs in the background: the page refreshes itself until it is in.
  await expect(page.getByRole("heading", { name: "Team plan" })).toBeVisible();
  await expect(page.getByText("Trial", { exact: true })).toBeVisible();
  await expect(page.getByText("2 members · 2 seats paid")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Seats used of seats paid" })).toHaveAttribute(
    "aria-valuetext",
    "2 of 2 seats",
  );
  await expect(page.getByText(/^\$16\.00 on \d{1,2} \w{3} \d{4}$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage payment method" })).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Invoice" })).toContainText("Paid");

  // A change is previewed before anything happens: what, when, and what it costs.
  const plans = page.getByRole("list", { name: "Plans" });
  await plans.getByRole("button", { name: "Downgrade to Free" }).click();
  const change = page.getByRole("region", { name: "Downgrade to Free" });
  await expect(change).toContainText(/The subscription ends on .* and the workspace moves to Free/);
  await expect(change).toContainText("Web push notifications: Included → —");
  await change.getByRole("button", { name: "Cancel" }).click();
  await plans.getByRole("button", { name: "Switch to Coach" }).click();
  await expect(page.getByRole("region", { name: "Switch to Coach" })).toContainText(
    "Coach starts now; nothing is charged now.",
  );
  await keepScreenshot(page, testInfo, "billing-team-plan");

  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});

test("a member cannot open billing", async ({ page }) => {
  await signIn(page, web, /Milo Marsh/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(await billingLink(page)).toHaveCount(0);
  const response = await page.goto(`${web}/billing`);
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { level: 1, name: "Billing is for owners and admins" }),
  ).toBeVisible();
});

test("a past-due workspace shows the banner to its owner, not to its members", async ({
  browser,
  request,
}) => {
  const db = createPrismaClient(process.env.E2E_DATABASE_ADMIN_URL!);
  const row = await db.subscription
    .findUniqueOrThrow({ where: { workspaceId } })
    .finally(() => db.$disconnect());
  // The trial ends and its first payment fails: Stripe's webhooks bring past_due here.
  const failed = await request.post(
    `${fakeStripe}/_fake/subscriptions/${row.stripeSubscriptionId}/fail_payment`,
  );
  expect(failed.ok()).toBe(true);

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, web, /Bianca Bright/);
  const banner = owner.getByRole("status").filter({ hasText: /A payment for this workspace/ });
  // The sync runs in the background after the webhook: look again until it is in.
  await expect(async () => {
    await owner.reload();
    await expect(banner).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(banner).toContainText(
    /has been failing since .*new AI suggestions and invitations pause from .*read-only from/,
  );
  await banner.getByRole("link", { name: "Update the payment method" }).click();
  await expect(owner).toHaveURL(`${web}/billing`);
  await expect(owner.getByText("Payment overdue", { exact: true })).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  await signIn(member, web, /Milo Marsh/);
  await expect(member.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(member.getByRole("status").filter({ hasText: /A payment/ })).toHaveCount(0);
});

test("without Stripe keys the page says billing is off and shows the self-hosted limits", async ({
  page,
}) => {
  await signIn(page, webWithoutBilling, /Olivia Owner/);
  await (await billingLink(page)).click();
  await expect(page.getByRole("heading", { name: "Billing is off on this server" })).toBeVisible();
  await expect(page.getByText(/on the Self-hosted plan: nothing is charged/)).toBeVisible();
  await expect(page.getByRole("definition").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Upgrade|Try/ })).toHaveCount(0);
});
