"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The goal page's edit form in a chunk of its own, fetched when "Edit goal" first opens.
export const GoalEditForm = lazyComponent(() =>
  import("~/components/goals/goal-form.tsx").then((m) => m.GoalForm),
);
