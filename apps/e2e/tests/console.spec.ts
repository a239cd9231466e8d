/**
 * The coach console (apps/admin): the coach opens it and finds the slipping member first, and
 * reaches them with the keyboard. Kenji's stored scores of the last 14 days are written to fall
 * steeply with a low consistency (docs/domain.md "Coach risk"), so he clearly ranks first.
 */
import { createPrismaClient } from "@atlas/db";
import { expect, test } from "@playwright/test";
import { addDays, dateIn } from "../src/dates.ts";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;
const admin = process.env.ATLAS_ADMIN_URL!;

test.beforeAll(async () => {
  const db = createPrismaClient(process.env.E2E_DATABASE_ADMIN_URL!);
  try {
    const today = dateIn(new Date(), "Asia/Tokyo");
    const kenji = await db.user.findUniqueOrThrow({ where: { email: "kenji.tokyo@atlas.local" } });
    const demo = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    // 14 closed days, 95 falling 6 a day; yesterday's consistency 0. The seed stores no derived
    // days (they come from closing them), so these rows are written, or overwritten when closed.
    for (let i = 1; i <= 14; i++) {
      const score = 95 - 6 * (i - 1);
      const consistency = i === 14 ? 0 : 0.5;
      await db.$executeRaw`
        INSERT INTO "MemberDayScore" ("workspaceId", "memberId", "localDate", "score",
          "scoreNumerator", "scoreDenominator", "dueCount", "doneCount", "consistency", "closedAt")
        VALUES (${demo.id}, ${kenji.id}, ${addDays(today, -15 + i)}::date, ${score}, ${score}, 100,
          3, 1, ${consistency}, now())
        ON CONFLICT ("workspaceId", "memberId", "localDate") DO UPDATE SET
          "score" = EXCLUDED."score", "scoreNumerator" = EXCLUDED."scoreNumerator",
          "scoreDenominator" = 100, "dueCount" = GREATEST("MemberDayScore"."dueCount", 1),
          "consistency" = EXCLUDED."consistency"`;
    }
  } finally {
    await db.$disconnect();
  }
});

test("the coach finds the slipping member first and reaches them with the keyboard", async ({
  page,
}) => {
  await signIn(page, web, /Carlos Coach/);
  await page.goto(`${admin}/`);
  const list = page.getByRole("list", { name: "Members by risk" });
  const first = list.getByRole("listitem").first();
  await expect(first.getByRole("link", { name: "Kenji Kato" })).toBeVisible();
  await expect(first).toContainText("Slipping");
  await expect(first).toContainText(/Score fell from \d+ to \d+ over \d+ days/);

  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: "Kenji Kato" })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: "Kenji Kato" })).not.toBeFocused();
  await page.keyboard.press("k");
  await expect(page.getByRole("link", { name: "Kenji Kato" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/members\/[^/]+\/[^/]+$/);
});
