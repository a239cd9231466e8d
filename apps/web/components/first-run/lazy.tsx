"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The guide's client parts in chunks of their own, fetched only when the guide renders them: a
// normal Today never loads the template cards or the capacity step (the page's JS budget).
export const StarterHabitPicker = lazyComponent(() =>
  import("~/components/first-run/starter-habit-picker.tsx").then((m) => m.StarterHabitPicker),
);
export const CapacityStep = lazyComponent(() =>
  import("~/components/first-run/capacity-step.tsx").then((m) => m.CapacityStep),
);
