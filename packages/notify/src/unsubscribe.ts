/**
 * One-click unsubscribe (RFC 8058; docs/domain.md "Notifications"): every non-critical e-mail
 * names `<web>/api/notifications/unsubscribe?token=…` in List-Unsubscribe. A POST with a valid
 * token turns that e-mail off with no session; a GET only shows a confirmation page with a button
 * that POSTs (link scanners follow GETs). The token is an HMAC-signed (workspace, user, what) and
 * changes nothing else, so replaying it is harmless.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createTenantDb, type Db } from "@atlas/db";
import { categorySpec, ZNotificationCategory } from "@atlas/core/notifications/categories";
import { z } from "zod";

/** A category's e-mails, or "digest": the batched digest e-mail. */
const ZTarget = z.union([ZNotificationCategory, z.literal("digest")]);
const ZToken = z.object({ w: z.string().min(1), u: z.string().min(1), c: ZTarget });
export type UnsubscribeTarget = z.infer<typeof ZTarget>;
export interface UnsubscribeToken {
  workspaceId: string;
  userId: string;
  target: UnsubscribeTarget;
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", secret).update(`atlas-unsubscribe.${body}`).digest();
}

export function signUnsubscribeToken(secret: string, token: UnsubscribeToken): string {
  const body = Buffer.from(
    JSON.stringify({ w: token.workspaceId, u: token.userId, c: token.target }),
  ).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** The token's contents, or null when it is malformed or not ours. */
export function verifyUnsubscribeToken(secret: string, value: string): UnsubscribeToken | null {
  const [body, signature, ...rest] = value.split(".");
  if (!body || !signature || rest.length > 0) return null;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = ZToken.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success
      ? { workspaceId: parsed.data.w, userId: parsed.data.u, target: parsed.data.c }
      : null;
  } catch {
    return null;
  }
}

/** What the confirmation page and the e-mail footer call the target. */
export function targetLabel(target: UnsubscribeTarget): string {
  return target === "digest" ? "the e-mail digest" : `"${categorySpec(target).label}" e-mails`;
}

/**
 * Turns the token's e-mails off, as the app role bound to its recipient (a former member's token
 * finds no membership and changes nothing). Idempotent.
 */
export async function unsubscribe(db: Db, token: UnsubscribeToken): Promise<boolean> {
  const recipient = { workspaceId: token.workspaceId, userId: token.userId };
  return createTenantDb(db, recipient).$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { workspaceId_userId: recipient },
      select: { leftAt: true },
    });
    if (!member || member.leftAt) return false;
    if (token.target === "digest") {
      await tx.notificationSettings.upsert({
        where: { workspaceId_userId: recipient },
        create: { ...recipient, digest: "off" },
        update: { digest: "off" },
      });
    } else {
      await tx.notificationPreference.upsert({
        where: {
          workspaceId_userId_channel_kind: { ...recipient, channel: "email", kind: token.target },
        },
        create: { ...recipient, channel: "email", kind: token.target, isEnabled: false },
        update: { isEnabled: false },
      });
    }
    return true;
  });
}
