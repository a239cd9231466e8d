"use client";

import { lazyComponent } from "@atlas/next-app/lazy";

// Owners and admins only: the Workspace page of everyone else never fetches it.
export const InvitationsCard = lazyComponent(() =>
  import("~/components/members/invitations-card.tsx").then((m) => m.InvitationsCard),
);
