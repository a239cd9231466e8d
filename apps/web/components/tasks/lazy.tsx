"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The task page's edit form in a chunk of its own, fetched when "Edit task" first opens.
export const TaskEditForm = lazyComponent(() =>
  import("~/components/tasks/task-form.tsx").then((m) => m.TaskForm),
);
