"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The habit form in a chunk of its own, fetched when "New habit" or "Edit habit"
// first opens (OpenToLoad).
export const LazyHabitForm = lazyComponent(() =>
  import("~/components/habits/habit-form.tsx").then((m) => m.HabitForm),
);
