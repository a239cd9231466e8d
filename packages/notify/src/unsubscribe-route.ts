/**
 * The one-click unsubscribe endpoint (RFC 8058; docs/domain.md "Notifications"), mounted at
 * apps/web `/api/notifications/unsubscribe?token=…`, outside sign-in:
 * - POST (the mail client's one click, or the confirmation page's button): unsubscribes, no
 *   session needed; the body (`List-Unsubscribe=One-Click`) is not required.
 * - GET (a person clicking the footer link, or a link scanner): only a page with a button.
 * A bad token is a 400 page in plain words; nothing else is revealed.
 */
import type { Db } from "@atlas/db";
import {
  targetLabel,
  unsubscribe,
  verifyUnsubscribeToken,
  type UnsubscribeToken,
} from "./unsubscribe.ts";

export interface UnsubscribeRouteDeps {
  db: Db;
  signingSecret: string;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, inner: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto"><h1>${escape(title)}</h1>${inner}</body></html>`,
    {
      status,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      },
    },
  );
}

function tokenOf(
  request: Request,
  secret: string,
): { raw: string; token: UnsubscribeToken } | null {
  const raw = new URL(request.url).searchParams.get("token") ?? "";
  const token = raw.length <= 2000 ? verifyUnsubscribeToken(secret, raw) : null;
  return token && { raw, token };
}

const INVALID = () =>
  page(
    400,
    "This unsubscribe link is not valid",
    "<p>Open the link from the e-mail again, or change your notifications in Atlas's settings.</p>",
  );

export function unsubscribeGet(request: Request, deps: UnsubscribeRouteDeps): Response {
  const found = tokenOf(request, deps.signingSecret);
  if (!found) return INVALID();
  const what = escape(targetLabel(found.token.target));
  return page(
    200,
    "Unsubscribe?",
    `<p>Stop receiving ${what}?</p><form method="post" action="?token=${encodeURIComponent(found.raw)}"><button type="submit">Unsubscribe</button></form>`,
  );
}

export async function unsubscribePost(
  request: Request,
  deps: UnsubscribeRouteDeps,
): Promise<Response> {
  const found = tokenOf(request, deps.signingSecret);
  if (!found) return INVALID();
  const done = await unsubscribe(deps.db, found.token);
  return done
    ? page(
        200,
        "You are unsubscribed",
        `<p>You will no longer receive ${escape(targetLabel(found.token.target))}. In-app notifications are unchanged; settings can turn e-mail back on.</p>`,
      )
    : page(
        200,
        "Nothing to unsubscribe",
        "<p>This address is no longer a member of that workspace.</p>",
      );
}
