"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// Owners and admins only, on the Workspace page: fetched when its section first opens.
export const WorkspaceSettingsForm = lazyComponent(() =>
  import("~/components/workspace-settings-form.tsx").then((m) => m.WorkspaceSettingsForm),
);
