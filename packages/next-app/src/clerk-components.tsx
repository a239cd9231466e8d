"use client";

import { lazyComponent } from "./lazy.tsx";

/*
 * Clerk's components, each in its own chunk fetched only where it is rendered — that is, only
 * when Clerk is the sign-in in use. A static import of "@clerk/nextjs" from a layout would put
 * Clerk's client code (~47 kB gzip) in every page of every session, the dev sign-in's included
 * (bench/README.md "Page weight").
 */
export const ClerkProvider = lazyComponent(() =>
  import("@clerk/nextjs").then((clerk) => clerk.ClerkProvider),
);
export const OrganizationSwitcher = lazyComponent(() =>
  import("@clerk/nextjs").then((clerk) => clerk.OrganizationSwitcher),
);
export const UserButton = lazyComponent(() =>
  import("@clerk/nextjs").then((clerk) => clerk.UserButton),
);
