"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The habit page's edit form in a chunk of its own, fetched when "Edit habit" first opens.
export const HabitEditForm = lazyComponent(() =>
  import("~/components/habits/habit-form.tsx").then((m) => m.HabitForm),
);
