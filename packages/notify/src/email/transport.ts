/**
 * Where e-mail goes (docs/architecture.md "Notifications"): SMTP through nodemailer
 * (production, and tests against a local SMTP server), or the stored outbox (embedded mode,
 * shown at /dev/outbox). One message shape for both.
 */
import type { Db } from "@atlas/db";
import nodemailer from "nodemailer";

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per delivery: a receiver can drop a resend after a crash between send and record. */
  messageId: string;
  /** Set on every non-critical e-mail (RFC 8058). */
  unsubscribeUrl: string | null;
  workspaceId: string | null;
}

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}

/** The headers that make unsubscribe one click (RFC 2369 + RFC 8058). */
export function unsubscribeHeaders(url: string | null): Record<string, string> {
  return url
    ? { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
}

export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers: unsubscribeHeaders(message.unsubscribeUrl),
      });
    },
  };
}

/** Embedded mode: the message is stored (bypass client: the outbox spans workspaces). */
export function outboxTransport(bypassDb: Db): EmailTransport {
  return {
    async send(message) {
      await bypassDb.emailOutbox.create({
        data: {
          workspaceId: message.workspaceId,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: {
            "Message-ID": message.messageId,
            ...unsubscribeHeaders(message.unsubscribeUrl),
          },
        },
      });
    },
  };
}
