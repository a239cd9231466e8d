"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// Owners and admins only: the Settings page of everyone else never fetches it.
export const WorkspaceSettingsForm = lazyComponent(() =>
  import("~/components/workspace-settings-form.tsx").then((m) => m.WorkspaceSettingsForm),
);
