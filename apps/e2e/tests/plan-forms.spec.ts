/**
 * A plan's forms open when asked (docs/adr/0013): "New task" at the top of the task list jumps to
 * the form and opens it, the task is created, and on its page "Edit task" opens the edit form,
 * whose save renames it. Dates are typed as the browser's locale writes them (en-GB here,
 * docs/architecture.md "Date locale"): a date that does not exist is refused in words, a numeric
 * and a written one are saved.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addDays } from "../src/dates.ts";
import { signIn } from "../src/session.ts";
import { query } from "../src/trpc.ts";

const web = process.env.ATLAS_WEB_URL!;

/** "2026-12-04" as a British reader types it: "04/12/2026". */
const britishNumeric = (date: string) => date.split("-").reverse().join("/");

/** "2026-12-04" written out: "4 December 2026". */
const britishWords = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );

test("New task opens the form from the list's header; Edit task renames it on its page", async ({
  page,
}) => {
  const title = `Book the venue (${randomUUID().slice(0, 8)})`;
  await signIn(page, web, /Nora Newman/);
  await page.goto(`${web}/tasks`);

  // The form is not on the page until it is asked for.
  await expect(page.getByRole("region", { name: "New task" })).toHaveCount(0);
  await page.getByRole("link", { name: "New task" }).click();
  const form = page.getByRole("region", { name: "New task" });
  await form.getByRole("textbox", { name: "Title" }).fill(title);
  const today = (await query<{ today: string }>(page.request, web, "me.settings.get")).today;
  const due = addDays(today, 10);
  const planned = addDays(today, 8); // not after the due date (docs/domain.md "Tasks")

  // The calendar spans the input bounds (docs/domain.md "Bounds"): paging back stops at 2000.
  const dueField = form.getByRole("combobox", { name: "Due date" });
  await dueField.press("ArrowDown");
  const calendar = form.getByRole("dialog", { name: "Choose a date" });
  await expect(calendar.locator('[data-focused="true"]')).toBeFocused();
  for (let i = 0; i < 30; i++) await page.keyboard.press("Shift+PageUp");
  await expect(calendar.getByRole("grid")).toHaveAccessibleName("January 2000");
  await page.keyboard.press("Escape");
  await expect(calendar).toBeHidden();

  // 31 February is not taken: leaving the field says so, under it, as form errors are shown.
  await dueField.fill(`31/02/${today.slice(0, 4)}`);
  await dueField.blur();
  await expect(dueField).toHaveAttribute("aria-invalid", "true");
  await expect(dueField).toHaveAccessibleDescription(
    /^Enter a real date, like 24 Dec \d{4} or 24\/12\/\d{4}\.$/,
  );
  // Nor is the form sent while it says so (it would save the date from before, none).
  await form.getByRole("button", { name: "Create task" }).click();
  await expect(dueField).toBeFocused();
  await dueField.fill(britishNumeric(due));
  await dueField.blur();
  await expect(dueField).not.toHaveAttribute("aria-invalid");
  await expect(dueField).toHaveValue(
    new RegExp(`^${Number(due.slice(8))} \\S+ ${due.slice(0, 4)}$`),
  );
  await form.getByRole("button", { name: "Create task" }).click();
  await form.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const taskId = page.url().split("/").at(-1)!;
  const getTask = () =>
    query<{ dueDate: string | null; plannedDate: string | null }>(page.request, web, "task.get", {
      taskId,
    });
  expect(await getTask()).toMatchObject({ dueDate: due, plannedDate: null });
  const open = await query<{ items: { title: string }[] }>(page.request, web, "task.list", {
    status: ["todo"],
    limit: 100,
  });
  expect(open.items.filter((t) => t.title === title)).toHaveLength(1);

  await page.locator("summary", { hasText: "Edit task" }).click();
  const edit = page.getByRole("region", { name: "Edit task" });
  await edit.getByRole("textbox", { name: "Title" }).fill(`${title}, Friday`);
  await edit.getByRole("combobox", { name: "Planned date" }).fill(britishWords(planned));
  await edit.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title}, Friday` })).toBeVisible();
  expect(await getTask()).toMatchObject({ dueDate: due, plannedDate: planned });
});
