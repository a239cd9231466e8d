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
import type { NotifyConfig } from "./env.ts";
import { embeddedVapidKeys, webPushSender } from "./push.ts";

export function channelsFor(
  config: NotifyConfig,
  mode: AtlasMode,
  options: { bypassDb: Db; root: string },
): Pick<DeliverDeps, "email" | "push"> {
  const vapid =
    config.vapid ??
    (mode === "production" ? null : embeddedVapidKeys(join(options.root, ".atlas", "vapid.json")));
  return {
    email: config.smtpUrl
      ? smtpTransport(config.smtpUrl, config.emailFrom)
      : outboxTransport(options.bypassDb),
    push: vapid ? webPushSender(vapid) : null,
  };
}
