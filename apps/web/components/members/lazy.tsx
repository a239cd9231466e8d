"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// Owners and admins only, on the Workspace page: fetched when its section first opens.
export const InvitationsCard = lazyComponent(() =>
  import("~/components/members/invitations-card.tsx").then((m) => m.InvitationsCard),
);
