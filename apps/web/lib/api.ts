"use client";

import type { AppRouter } from "@atlas/api";
import { createApiHooks } from "@atlas/next-app/use-api";

/** The browser's calls to web's router (docs/architecture.md "Browser calls"). */
export const { api, useAction, useApiQuery, usePages } = createApiHooks<AppRouter>();
