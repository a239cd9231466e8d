"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// The banner's one client control in a chunk of its own, fetched only while a grant is open:
// every other page load of every page skips it (the pages' JS budget).
export const RevokeGrant = lazyComponent(() =>
  import("~/components/support/revoke-grant.tsx").then((m) => m.RevokeGrant),
);

// Owners only, on the Workspace page: fetched when its section first opens.
export const SupportAccessCard = lazyComponent(() =>
  import("~/components/support/support-access-card.tsx").then((m) => m.SupportAccessCard),
);
