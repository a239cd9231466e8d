/**
 * The web app's configuration: the shared fragments (packages/next-app/src/env.ts) plus where the
 * admin console lives, the web app's own URL, billing's Stripe variables
 * (packages/billing/src/env.ts) and notifications' (packages/notify/src/env.ts). Checked at build
 * (next.config.ts) and at start (instrumentation.ts).
 */
import { billingConfig, billingEnvShape } from "@atlas/billing";
import { AtlasConfigError } from "@atlas/config";
import { defineAppEnv } from "@atlas/next-app/env";
import { notifyConfig, notifyEnvShape } from "@atlas/notify/env";

export const { loadEnv, serverEnv } = defineAppEnv({
  app: "web",
  server: { ...notifyEnvShape, ...billingEnvShape },
  resolve: (parsed, mode) => {
    const billing = billingConfig(parsed);
    /** This app's public URL: where Stripe's Checkout and portal send the owner back. */
    const webUrl =
      parsed.ATLAS_WEB_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3000");
    if (billing && webUrl === undefined) {
      throw new AtlasConfigError(
        "Missing ATLAS_WEB_URL: billing is on (STRIPE_SECRET_KEY is set), and Stripe's Checkout and portal send the owner back to the web app's URL.",
        ["ATLAS_WEB_URL"],
      );
    }
    return {
      /** Where the admin console lives (a link for coaches); absent when not configured. */
      adminUrl:
        parsed.ATLAS_ADMIN_URL ?? (mode === "production" ? undefined : "http://127.0.0.1:3001"),
      webUrl,
      /** Billing's configuration; null = billing off (every workspace on the self-hosted plan). */
      billing,
      /** E-mail, push and unsubscribe settings (packages/notify/src/env.ts). */
      notify: notifyConfig(parsed, mode),
    };
  },
});
