/**
 * Errors in people's words, all at once (docs/domain.md "Bounds"): the habit form checks with the
 * API's own schema before sending, so every bad field shows its message in one round and no
 * request leaves the page; a refusal only the server can make (a start more than a year after
 * the member's today) still shows next to its field.
 */
import { expect, test, type Request } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;

test("a habit form shows every problem at once before sending, then the server's refusal", async ({
  page,
}) => {
  await signIn(page, web, /Nora Newman/);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Habits", exact: true })
    .click();
  // The form opens from "New habit" (it loads then: docs/adr/0013).
  await page.locator("summary", { hasText: "New habit" }).click();
  const form = page.getByRole("region", { name: "New habit" });

  // Every tRPC write from here on (the page's reads are GETs).
  const writes: Request[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc/") && request.method() === "POST") writes.push(request);
  });

  await form.getByRole("combobox", { name: "Schedule" }).selectOption("times_per_week");
  await form.getByRole("spinbutton", { name: "Times per week" }).fill("9");
  await form.getByRole("checkbox", { name: "Measurable target" }).check();
  await form.getByRole("spinbutton", { name: "Target amount" }).fill("0");
  await form.getByRole("spinbutton", { name: "Duration (minutes)" }).fill("2000");
  await form.getByRole("button", { name: "Create habit" }).click();

  const messages = {
    Name: "Name must not be empty",
    "Times per week": "Times per week must be a whole number from 1 to 7",
    "Target amount":
      "Target amount must be a number greater than 0 and at most 1,000,000, with at most 3 decimal places",
    Unit: "Unit must not be empty",
    "Duration (minutes)": "Duration must be a whole number of minutes from 0 to 1,440",
  };
  for (const [label, message] of Object.entries(messages)) {
    await expect(form.getByLabel(label, { exact: true })).toHaveAccessibleDescription(
      new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    );
  }
  expect(writes).toEqual([]);

  // Fixed, but starting in 2099: the schema allows the date, the server refuses it (a year ahead at most).
  await form.getByRole("textbox", { name: "Name" }).fill("Plan far ahead");
  await form.getByRole("spinbutton", { name: "Times per week" }).fill("3");
  await form.getByRole("spinbutton", { name: "Target amount" }).fill("20");
  await form.getByRole("textbox", { name: "Unit" }).fill("pages");
  await form.getByRole("spinbutton", { name: "Duration (minutes)" }).fill("30");
  await form.getByLabel("Start date", { exact: true }).fill("2099-06-01");
  const sent = page.waitForResponse(
    (response) => response.url().includes("/api/trpc/habit.create") && response.status() === 400,
  );
  await form.getByRole("button", { name: "Create habit" }).click();
  await sent;
  await expect(form.getByLabel("Start date", { exact: true })).toHaveAccessibleDescription(
    /Start date must be today or later, at most a year ahead\./,
  );
  await expect(form.getByText("Name must not be empty")).toHaveCount(0);
  expect(writes).toHaveLength(1);
});
