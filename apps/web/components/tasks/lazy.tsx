"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The task form in a chunk of its own, fetched when "New task" or "Edit task"
// first opens (OpenToLoad).
export const LazyTaskForm = lazyComponent(() =>
  import("~/components/tasks/task-form.tsx").then((m) => m.TaskForm),
);
