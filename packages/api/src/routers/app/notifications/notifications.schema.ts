import { z } from "zod";
import { DELIVERY_CHANNELS, ZNotificationCategory } from "@atlas/core/notifications/categories";
import type {
  getNotificationPreferences,
  subscribePush,
  unsubscribePush,
  updateNotificationSettings,
} from "@atlas/core/services/notifications/preferences";
import { atLeastOneField, noNul, type ServiceOutput } from "../../../schemas.ts";

const ZChannel = z.enum(DELIVERY_CHANNELS);
const ZDigest = z.enum(["off", "hourly", "daily", "weekly"]);
/** Minutes after the member's local midnight (docs/domain.md "Notifications"). */
const ZLocalMinutes = z
  .number()
  .int({ error: "Quiet hours must be whole minutes after midnight, from 0 to 1,439 (23:59)" })
  .min(0, { error: "Quiet hours must be whole minutes after midnight, from 0 to 1,439 (23:59)" })
  .max(1439, {
    error: "Quiet hours must be whole minutes after midnight, from 0 to 1,439 (23:59)",
  });

const ZQuietHours = z
  .object({ startMinutes: ZLocalMinutes, endMinutes: ZLocalMinutes })
  .refine((q) => q.startMinutes !== q.endMinutes, {
    error: "Quiet hours must start and end at different times",
  });

export const ZNotificationPreferences = z.object({
  planName: z.string(),
  categories: z.array(
    z.object({
      category: ZNotificationCategory,
      label: z.string(),
      isCritical: z.boolean(),
      channels: z.array(
        z.object({
          channel: ZChannel,
          isEnabled: z.boolean(),
          route: z.enum(["instant", "digest", "none"]),
          isLocked: z.boolean(),
          reason: z.string().nullable(),
          isPlanLimited: z.boolean(),
        }),
      ),
    }),
  ),
  quietHours: ZQuietHours.nullable(),
  digest: ZDigest,
}) satisfies z.ZodType<ServiceOutput<typeof getNotificationPreferences>>;

export const ZUpdatePreferencesInput = z.object({
  changes: z
    .array(z.object({ category: ZNotificationCategory, channel: ZChannel, isEnabled: z.boolean() }))
    .min(1, { error: "Name at least one category and channel" })
    .max(DELIVERY_CHANNELS.length * 20, { error: "Too many changes at once" }),
});

export const ZUpdateSettingsInput = z
  .object({
    /** null: no quiet hours. */
    quietHours: ZQuietHours.nullable().optional(),
    digest: ZDigest.optional(),
  })
  .refine(atLeastOneField.check, { message: atLeastOneField.message });

export const ZUpdateSettingsOutput = z.object({
  quietHours: ZQuietHours.nullable(),
  digest: ZDigest,
}) satisfies z.ZodType<ServiceOutput<typeof updateNotificationSettings>>;

/** A browser's push endpoint: an https URL of its push service. */
const ZEndpoint = z
  .string()
  .max(2048, { error: "The push endpoint must be at most 2,048 characters" })
  .refine(noNul.check, { error: noNul.error })
  .pipe(z.url({ protocol: /^https$/, error: "The push endpoint must be an https URL" }));

/** base64url as PushSubscription.toJSON() gives it (padding tolerated). */
const base64url = (what: string, min: number, max: number) =>
  z
    .string()
    .min(min, { error: `${what} is too short` })
    .max(max, { error: `${what} is too long` })
    .regex(/^[\w-]+={0,2}$/, { error: `${what} must be base64url` });

export const ZPushSubscribeInput = z.object({
  endpoint: ZEndpoint,
  keys: z.object({
    /** A P-256 public key: 65 bytes. */
    p256dh: base64url("keys.p256dh", 86, 90),
    /** The 16-byte auth secret. */
    auth: base64url("keys.auth", 22, 24),
  }),
});
export const ZPushSubscribeOutput = z.object({ endpoint: z.string() }) satisfies z.ZodType<
  ServiceOutput<typeof subscribePush>
>;

export const ZPushUnsubscribeInput = z.object({ endpoint: ZEndpoint });
export const ZPushUnsubscribeOutput = z.object({ removed: z.boolean() }) satisfies z.ZodType<
  ServiceOutput<typeof unsubscribePush>
>;

export const ZPushPublicKeyOutput = z.object({
  /** The VAPID public key to subscribe with; null: push is off or the plan lacks web push. */
  publicKey: z.string().nullable(),
});
