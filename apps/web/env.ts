/**
 * The web app's configuration: the shared fragments (packages/next-app/src/env.ts) plus where the
 * admin console lives. Checked at build (next.config.ts) and at start (instrumentation.ts).
 */
import { defineAppEnv } from "@atlas/next-app/env";
import { z } from "zod";

export const { loadEnv, serverEnv } = defineAppEnv({
  app: "web",
  server: { ATLAS_ADMIN_URL: z.url().optional() },
  resolve: ({ ATLAS_ADMIN_URL }, mode) => ({
    /** Where the admin console lives (a link for coaches); absent when not configured. */
    adminUrl: ATLAS_ADMIN_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3001"),
  }),
});
