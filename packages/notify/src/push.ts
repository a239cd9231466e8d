/**
 * Web push (docs/domain.md "Notifications"): VAPID-signed, aes128gcm-encrypted through the
 * `web-push` library to each of the person's subscriptions (one per browser). A payload stays
 * under the 4 KB limit (the body is cut, never the link); a subscription the push service
 * reports gone (404/410) is deleted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Agent } from "node:https";
import { dirname } from "node:path";
import webpush, { WebPushError } from "web-push";
import type { VapidKeys } from "./env.ts";

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushMessage {
  title: string;
  body: string;
  url: string;
  /** Replaces an older notice of the same tag on the device. */
  tag: string;
}

/** The push services' limit on an encrypted record is 4096 bytes; leave room for the overhead. */
export const MAX_PUSH_PAYLOAD_BYTES = 3000;

/** The JSON the service worker reads, cut to fit. */
export function pushPayload(message: PushMessage): string {
  let body = message.body;
  let json = JSON.stringify({ ...message, body });
  while (Buffer.byteLength(json) > MAX_PUSH_PAYLOAD_BYTES && body.length > 0) {
    body = body.slice(0, Math.max(0, body.length - 100));
    json = JSON.stringify({ ...message, body: body ? `${body}…` : "" });
  }
  return json;
}

export type PushOutcome = "sent" | "gone";

export interface PushSender {
  publicKey: string;
  send(subscription: PushSubscriptionKeys, message: PushMessage): Promise<PushOutcome>;
}

/** `options` reach the HTTPS request (tests pass an agent that trusts a local certificate). */
export function webPushSender(vapid: VapidKeys, options: { agent?: Agent } = {}): PushSender {
  return {
    publicKey: vapid.publicKey,
    async send(subscription, message) {
      try {
        await webpush.sendNotification(
          {
            endpoint: subscription.endpoint,
            keys: { p256dh: subscription.p256dh, auth: subscription.auth },
          },
          pushPayload(message),
          {
            vapidDetails: vapid,
            contentEncoding: "aes128gcm",
            TTL: 24 * 60 * 60,
            urgency: "normal",
            topic: message.tag.replace(/[^\w-]/g, "").slice(0, 32) || undefined,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        return "sent";
      } catch (error) {
        if (
          error instanceof WebPushError &&
          (error.statusCode === 404 || error.statusCode === 410)
        ) {
          return "gone";
        }
        throw error;
      }
    },
  };
}

/**
 * Embedded mode's VAPID pair: generated on first use and kept in `path` (the repository's
 * `.atlas/vapid.json`, ignored by git) so browsers' subscriptions survive a restart.
 */
export function embeddedVapidKeys(path: string): VapidKeys {
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as VapidKeys;
  const keys = { ...webpush.generateVAPIDKeys(), subject: "mailto:dev@atlas.localhost" };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
