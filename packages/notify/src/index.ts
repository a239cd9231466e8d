export {
  notify,
  type DeliveryRequest,
  type InboxEvent,
  type NotifyDeps,
  type NotifyPayload,
  type NotifyResult,
  type Recipient,
} from "./notify.ts";
export { planDeliveries, type DeliveryInputs, type PlannedDelivery } from "./plan-deliveries.ts";
export { quietHoursEnd, type QuietHours } from "./quiet-hours.ts";
export {
  DELIVERY_CHANNELS,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_SPECS,
  ZNotificationCategory,
  categorySpec,
  deepLinkOf,
  defaultChannels,
  planRoute,
  type CategoryData,
  type DeepLink,
  type DeliveryChannel,
  type NotificationCategory,
} from "@atlas/core/notifications/categories";
export { channelsFor, vapidKeysFor } from "./channels.ts";
export {
  DIGEST_LIMIT,
  MAX_ATTEMPTS,
  degradeQueuedDeliveries,
  deliverNotification,
  sendDigest,
  type DeliverDeps,
  type DeliverResult,
} from "./deliver.ts";
export { notifyConfig, notifyEnvShape, type NotifyConfig, type VapidKeys } from "./env.ts";
export {
  outboxTransport,
  smtpTransport,
  type EmailMessage,
  type EmailTransport,
} from "./email/transport.ts";
export { embeddedVapidKeys, pushPayload, webPushSender, type PushSender } from "./push.ts";
export { signUnsubscribeToken, unsubscribe, verifyUnsubscribeToken } from "./unsubscribe.ts";
