/**
 * Notifications' part of Atlas's configuration (docs/architecture.md "Notifications").
 *
 * - `SMTP_URL` (`smtp://user:pass@host:587` or `smtps://…`): where e-mail goes. Required in
 *   production; in embedded and test mode, unset = the stored outbox shown at /dev/outbox.
 * - `EMAIL_FROM` (`Atlas <notifications@example.com>`): the sender; required with SMTP_URL.
 * - `NOTIFY_SIGNING_SECRET` (32+ characters): signs one-click unsubscribe tokens. Required in
 *   production; embedded and test use a fixed development secret.
 * - `ATLAS_WEB_URL`, `ATLAS_ADMIN_URL`: the apps' public URLs for deep links and the unsubscribe
 *   endpoint. Required in production; embedded defaults 127.0.0.1:3000 and :3001.
 * - `VAPID_PUBLIC_KEY`, `VAPID_PRIVATE_KEY`, `VAPID_SUBJECT` (`mailto:` or `https:`): web push,
 *   all three or none. Unset in production = push off; embedded generates a pair once and keeps it
 *   in `.atlas/vapid.json` (print one for production with `npx web-push generate-vapid-keys`).
 * Errors name variables, never values.
 */
import { createEnv } from "@t3-oss/env-core";
import {
  AtlasConfigError,
  atlasMode,
  read,
  variableOf,
  type AtlasMode,
  type Env,
} from "@atlas/config";
import { z } from "zod";

export const notifyEnvShape = {
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  NOTIFY_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ATLAS_WEB_URL: z.url({ protocol: /^https?$/ }).optional(),
  ATLAS_ADMIN_URL: z.url({ protocol: /^https?$/ }).optional(),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[\w-]{80,90}$/, "must be a base64url P-256 public key")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[\w-]{40,45}$/, "must be a base64url P-256 private key")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, "must start with mailto: or https:")
    .optional(),
};

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface NotifyConfig {
  /** null: the embedded outbox. */
  smtpUrl: string | null;
  emailFrom: string;
  signingSecret: string;
  webUrl: string;
  adminUrl: string;
  /** null: push is off (production without keys); embedded fills it from .atlas/vapid.json. */
  vapid: VapidKeys | null;
}

const DEV_SECRET = "atlas-embedded-unsubscribe-secret-not-for-production";

export function notifyConfig(
  env: Env = process.env,
  mode: AtlasMode = atlasMode(env),
): NotifyConfig {
  const parsed = createEnv({
    server: notifyEnvShape,
    runtimeEnv: Object.fromEntries(Object.keys(notifyEnvShape).map((n) => [n, read(env, n)])),
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map(variableOf))];
      const details = issues.map((issue) => `${variableOf(issue)} ${issue.message}`).join("; ");
      throw new AtlasConfigError(`Invalid notification configuration: ${details}.`, names);
    },
  });
  const vapidNames = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const;
  const vapidSet = vapidNames.filter((n) => parsed[n] !== undefined);
  const missing: string[] = [];
  if (vapidSet.length > 0 && vapidSet.length < 3) {
    missing.push(...vapidNames.filter((n) => parsed[n] === undefined));
  }
  if (mode === "production") {
    for (const name of [
      "SMTP_URL",
      "EMAIL_FROM",
      "NOTIFY_SIGNING_SECRET",
      "ATLAS_WEB_URL",
      "ATLAS_ADMIN_URL",
    ] as const) {
      if (parsed[name] === undefined) missing.push(name);
    }
  } else if (parsed.SMTP_URL !== undefined && parsed.EMAIL_FROM === undefined) {
    missing.push("EMAIL_FROM");
  }
  if (missing.length > 0) {
    throw new AtlasConfigError(
      `Missing ${missing.join(", ")}: notifications need them in ${mode} mode (VAPID keys come as all three or none).`,
      missing,
    );
  }
  return {
    smtpUrl: parsed.SMTP_URL ?? null,
    emailFrom: parsed.EMAIL_FROM ?? "Atlas <notifications@atlas.localhost>",
    signingSecret: parsed.NOTIFY_SIGNING_SECRET ?? DEV_SECRET,
    webUrl: (parsed.ATLAS_WEB_URL ?? "http://127.0.0.1:3000").replace(/\/$/, ""),
    adminUrl: (parsed.ATLAS_ADMIN_URL ?? "http://127.0.0.1:3001").replace(/\/$/, ""),
    vapid:
      vapidSet.length === 3
        ? {
            publicKey: parsed.VAPID_PUBLIC_KEY!,
            privateKey: parsed.VAPID_PRIVATE_KEY!,
            subject: parsed.VAPID_SUBJECT!,
          }
        : null,
  };
}
