import { createNextConfig } from "@atlas/next-app/next-config";
import { loadEnv } from "./env.ts";

export default createNextConfig({
  loadEnv,
  // `forbidden()` renders app/forbidden.tsx with HTTP 403 (a user who coaches nothing).
  config: { experimental: { authInterrupts: true } },
});
