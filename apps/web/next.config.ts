import { createNextConfig } from "@atlas/next-app/next-config";
import { loadEnv } from "./env.ts";

export default createNextConfig({
  loadEnv,
  // `forbidden()` renders app/(app)/forbidden.tsx with HTTP 403 (another member's plans where the
  // workspace does not share progress).
  config: { experimental: { authInterrupts: true } },
});
