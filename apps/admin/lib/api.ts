"use client";

import type { AdminRouter } from "@atlas/api";
import { createApiHooks } from "@atlas/next-app/use-api";

/** The browser's calls to admin's router (docs/architecture.md "Browser calls"). */
export const { api, useAction, useApiQuery, usePages } = createApiHooks<AdminRouter>();
