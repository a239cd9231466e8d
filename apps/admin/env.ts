/**
 * The admin console's configuration: the shared fragments (packages/next-app/src/env.ts) plus
 * the web app's URL. Checked at build (next.config.ts) and at start (instrumentation.ts).
 */
import { AtlasConfigError } from "@atlas/config";
import { defineAppEnv } from "@atlas/next-app/env";
import { z } from "zod";

export const { loadEnv, serverEnv } = defineAppEnv({
  app: "admin",
  server: { ATLAS_WEB_URL: z.url().optional() },
  resolve: ({ ATLAS_WEB_URL }, mode) => {
    /** The web app, for the links back to it (ATLAS_WEB_URL; required in production). */
    const webUrl = ATLAS_WEB_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3000");
    if (webUrl === undefined) {
      throw new AtlasConfigError(
        "Missing ATLAS_WEB_URL: production mode (ATLAS_MODE unset or production) needs the web app's URL for the links back to it.",
        ["ATLAS_WEB_URL"],
      );
    }
    return { webUrl };
  },
});
