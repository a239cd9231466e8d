/**
 * A plan's forms open when asked (docs/adr/0013): "New task" at the top of the task list jumps to
 * the form and opens it, the task is created, and on its page "Edit task" opens the edit form,
 * whose save renames it.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "../src/session.ts";

const web = process.env.ATLAS_WEB_URL!;

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
  await form.getByRole("button", { name: "Create task" }).click();
  await form.getByRole("link", { name: title }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.locator("summary", { hasText: "Edit task" }).click();
  const edit = page.getByRole("region", { name: "Edit task" });
  await edit.getByRole("textbox", { name: "Title" }).fill(`${title}, Friday`);
  await edit.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title}, Friday` })).toBeVisible();
});
