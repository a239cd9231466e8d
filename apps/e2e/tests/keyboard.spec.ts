/**
 * Keyboard first (docs/domain.md "Quick add" and "Keyboard shortcuts"): the command palette
 * (Ctrl-K or the header button) jumps to pages and adds a goal or a task by quick add; Today's
 * rows answer j/k/x/u/s; a task's title and due date are edited in place; "?" lists the keys.
 * Sam Sutherland's demo data is used by no other journey's assertions; what is added here is
 * archived again and every check-in or skip is undone.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { violations } from "../src/axe.ts";
import { addDays } from "../src/dates.ts";
import { signIn } from "../src/session.ts";
import { habitRow } from "../src/today.ts";
import { mutate, query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;
const MEMBER = /Sam Sutherland/;

interface Task {
  id: string;
  title: string;
  dueDate: string | null;
  estimateMinutes: number;
  priority: string;
}

/** The member's local today, as the API computes it in their own zone. */
const memberToday = async (page: Page) =>
  (await query<{ today: string }>(page.request, web, "me.settings.get")).today;

const palette = (page: Page) => page.getByRole("dialog", { name: "Search or add" });

/** Ctrl-K until the palette shows: a key pressed before the page has hydrated finds no listener. */
async function openPalette(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 10_000 });
  }).toPass();
}

test("the palette opens with Ctrl-K or the header button, jumps to a page and adds a goal", async ({
  page,
}) => {
  await signIn(page, web, MEMBER);
  await openPalette(page);
  const dialog = palette(page);
  const search = dialog.getByRole("combobox", { name: "Search or add" });
  await expect(search).toBeFocused();
  await search.fill("dashb");
  await expect(dialog.getByRole("option", { selected: true })).toHaveText(/Dashboard/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${web}/dashboard`);
  await expect(dialog).toBeHidden();

  // The same palette from the button; Escape closes it and gives focus back.
  const button = page.getByRole("button", { name: "Search or add…" });
  await button.click();
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  const today = await memberToday(page);
  await search.fill("Swim a mile in 30 days");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("option", { selected: true })).toHaveText("Add goal “Swim a mile”");
  await expect(dialog.getByText(/^Target /)).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/goals\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Swim a mile" })).toBeVisible();
  const goalId = page.url().split("/").at(-1)!;
  const goal = await query<{ title: string; targetDate: string | null }>(
    page.request,
    web,
    "goal.get",
    { goalId },
  );
  expect(goal).toMatchObject({ title: "Swim a mile", targetDate: addDays(today, 30) });
  await mutate(page.request, web, "goal.archive", { goalId });
});

test("quick add makes a task due tomorrow in the member's zone; its title and date edit in place", async ({
  page,
}) => {
  await signIn(page, web, MEMBER);
  const today = await memberToday(page);
  await openPalette(page);
  const dialog = palette(page);
  await dialog.getByRole("combobox", { name: "Search or add" }).fill("Call Ana tomorrow 30m !high");
  await expect(dialog.getByRole("option", { selected: true })).toHaveText("Add task “Call Ana”");
  await expect(dialog.getByText(/^Due /)).toBeVisible();
  await expect(dialog.getByText("30 min", { exact: true })).toBeVisible();
  await expect(dialog.getByText("High priority", { exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
  const taskId = page.url().split("/").at(-1)!;
  const getTask = () => query<Task>(page.request, web, "task.get", { taskId });
  expect(await getTask()).toMatchObject({
    title: "Call Ana",
    dueDate: addDays(today, 1),
    estimateMinutes: 30,
    priority: "high",
  });

  // Inline edit on the tasks list: Escape cancels, Enter saves the title and the date.
  await page.goto(`${web}/tasks`);
  const row = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Call Ana" }) });
  await row.getByRole("button", { name: "Edit Call Ana" }).click();
  // While editing, the row is a form named after the task (the link is gone).
  const form = page.getByRole("form", { name: "Edit Call Ana" });
  const title = form.getByRole("textbox", { name: "Title" });
  await expect(title).toBeFocused();
  await title.fill("Never saved");
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(row.getByRole("link", { name: "Call Ana", exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Edit Call Ana" })).toBeFocused();

  await page.keyboard.press("Enter");
  await title.fill("Call Ana back");
  await form.getByLabel("Due date").fill(addDays(today, 2));
  await title.press("Enter");
  await expect(page.getByRole("link", { name: "Call Ana back", exact: true })).toBeVisible();
  expect(await getTask()).toMatchObject({ title: "Call Ana back", dueDate: addDays(today, 2) });
  await mutate(page.request, web, "task.archive", { taskId });
});

test("on Today j/k move between rows, x checks in, u undoes, s skips; ? lists the keys", async ({
  page,
}) => {
  await signIn(page, web, MEMBER);
  // A plain habit of its own: what Sam's seeded today still has to do, and the skips left in his
  // month, depend on the hour and the date the journey runs.
  const created = await mutate<{ id: string }>(page.request, web, "habit.create", {
    title: `Keys ${randomUUID().slice(0, 8)}`,
    schedule: { type: "daily" },
  });
  await page.reload();
  const view = await query<{ habits: { id: string; name: string }[] }>(
    page.request,
    web,
    "today.get",
  );
  const index = view.habits.findIndex((h) => h.id === created.id);
  const habit = view.habits[index]!;
  const row = habitRow(page, habit.name);
  const checkIn = row.getByRole("button", { name: `Check in ${habit.name}` });
  await expect(checkIn).toBeVisible();

  // The first j focuses the first row (pressed again until the page has hydrated); then down.
  const rows = page.locator("[data-today-row]");
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(rows.first()).toBeFocused({ timeout: 10_000 });
  }).toPass();
  for (let i = 0; i < index; i++) await page.keyboard.press("j");
  await expect(row).toBeFocused();
  // j then k comes back to the same row.
  await page.keyboard.press("j");
  await expect(row).not.toBeFocused();
  await page.keyboard.press("k");
  await expect(row).toBeFocused();

  await page.keyboard.press("x");
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  const undo = row.getByRole("button", { name: `Undo check-in for ${habit.name}` });
  await expect(undo).toBeEnabled();
  await page.keyboard.press("u");
  await expect(checkIn).toBeEnabled();
  await expect(row.getByText("To do", { exact: true })).toBeVisible();
  await expect(row).toBeFocused();

  await page.keyboard.press("s");
  await expect(row.getByText("Skipped today")).toBeVisible();
  const undoSkip = row.getByRole("button", { name: `Undo skip for ${habit.name}` });
  await expect(undoSkip).toBeEnabled();
  await expect(row).toBeFocused();
  await page.keyboard.press("u");
  await expect(checkIn).toBeEnabled();
  const after = await query<{ habits: { name: string; state: string }[] }>(
    page.request,
    web,
    "today.get",
  );
  expect(after.habits.find((h) => h.name === habit.name)?.state).toBe("pending");

  // "?" lists every shortcut; Escape closes the list.
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(overlay.getByText("Check in the row", { exact: false })).toBeVisible();
  await expect(overlay.getByText("Skip the habit today")).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  // Keys typed while the palette's code loads (held back here), then into its field, are its
  // text, not shortcuts: the focused row is neither checked in nor skipped.
  await expect(row).toBeFocused();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldChunks = 0;
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    heldChunks += 1;
    await held;
    await route.continue();
  });
  await page.keyboard.press("Control+k");
  await page.keyboard.type("xs");
  await expect.poll(() => heldChunks).toBeGreaterThan(0);
  release();
  const search = page.getByRole("combobox", { name: "Search or add" });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("xs");
  await page.keyboard.type("?jx");
  await expect(search).toHaveValue("xs?jx");
  await expect(overlay).toBeHidden();
  await page.unrouteAll();
  const untouched = await query<{ habits: { id: string; state: string }[] }>(
    page.request,
    web,
    "today.get",
  );
  expect(untouched.habits.find((h) => h.id === created.id)?.state).toBe("pending");
  await mutate(page.request, web, "habit.archive", { habitId: created.id });
});
