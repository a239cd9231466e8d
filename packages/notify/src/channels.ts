/**
 * The senders of each mode (docs/architecture.md "Notifications"): SMTP when `SMTP_URL` is set,
 * else the stored outbox (embedded and test mode; production requires SMTP_URL); push with the
 * configured VAPID keys, else, outside production, a pair generated once into
 * `<root>/.atlas/vapid.json`; production without keys has push off.
 */
import { join } from "node:path";
import type { AtlasMode } from "@atlas/config";
import type { Db } from "@atlas/db";
import type { DeliverDeps } from "./deliver.ts";
import { outboxTransport, smtpTransport } from "./email/transport.ts";
import type { NotifyConfig, VapidKeys } from "./env.ts";
import { embeddedVapidKeys, webPushSender } from "./push.ts";

/** The VAPID keys of a mode: configured, else generated once outside production; null = push off. */
export function vapidKeysFor(
  config: NotifyConfig,
  mode: AtlasMode,
  root: string,
): VapidKeys | null {
  return (
    config.vapid ??
    (mode === "production" ? null : embeddedVapidKeys(join(root, ".atlas", "vapid.json")))
  );
}

export function channelsFor(
  config: NotifyConfig,
  mode: AtlasMode,
  options: { bypassDb: Db; root: string },
): Pick<DeliverDeps, "email" | "push"> {
  const vapid = vapidKeysFor(config, mode, options.root);
  return {
    email: config.smtpUrl
      ? smtpTransport(config.smtpUrl, config.emailFrom)
      : outboxTransport(options.bypassDb),
    push: vapid ? webPushSender(vapid) : null,
  };
}
