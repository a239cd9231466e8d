"use client";

import dynamic from "next/dynamic";

// The guide's client parts in chunks of their own, fetched only when the guide renders them: a
// normal Today never loads the template cards or the capacity step (the page's JS budget).
export const StarterHabitPicker = dynamic(() =>
  import("~/components/first-run/starter-habit-picker.tsx").then((m) => m.StarterHabitPicker),
);
export const CapacityStep = dynamic(() =>
  import("~/components/first-run/capacity-step.tsx").then((m) => m.CapacityStep),
);
