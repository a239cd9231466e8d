/**
 * The web app's configuration: the shared fragments (packages/next-app/src/env.ts) plus where the
 * admin console lives, billing's Stripe variables (packages/billing/src/env.ts) and notifications'
 * (packages/notify/src/env.ts). Checked at
 * build (next.config.ts) and at start (instrumentation.ts).
 */
import { billingConfig, billingEnvShape } from "@atlas/billing";
import { defineAppEnv } from "@atlas/next-app/env";
import { notifyConfig, notifyEnvShape } from "@atlas/notify/env";

export const { loadEnv, serverEnv } = defineAppEnv({
  app: "web",
  server: { ...notifyEnvShape, ...billingEnvShape },
  resolve: (parsed, mode) => ({
    /** Where the admin console lives (a link for coaches); absent when not configured. */
    adminUrl:
      parsed.ATLAS_ADMIN_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3001"),
    /** Billing's configuration; null = billing off (every workspace on the self-hosted plan). */
    billing: billingConfig(parsed),
    /** E-mail, push and unsubscribe settings (packages/notify/src/env.ts). */
    notify: notifyConfig(parsed, mode),
  }),
});
