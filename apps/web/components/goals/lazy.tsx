"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The goal form in a chunk of its own, fetched when "New goal" or "Edit goal"
// first opens (OpenToLoad).
export const LazyGoalForm = lazyComponent(() =>
  import("~/components/goals/goal-form.tsx").then((m) => m.GoalForm),
);
