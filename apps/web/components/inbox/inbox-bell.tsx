"use client";

import { openLiveStream } from "@atlas/next-app/live-stream";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { api } from "~/lib/api.ts";

/** "99+" beyond the count's cap. */
export function unreadLabel(count: number, cap: number): string {
  return count >= cap ? `${cap - 1}+` : String(count);
}

/** What the bell counts: the server's count and its cap. */
export interface UnreadCount {
  count: number;
  cap: number;
}

/** Said on the page when the live inbox has news (the inbox list reads again). */
export const INBOX_CHANGED = "atlas:inbox-changed";

/**
 * The stream re-reads the 10 s before its start (LIVE_REREAD_MS), so the first connection within
 * this much of the page's navigation start misses nothing the server's count did not see.
 */
const FIRST_CONNECTION_COVERED_MS = 5_000;

/**
 * The header's bell: the unread count, live (docs/architecture.md "Live inbox"). The server
 * renders the count; the inbox stream, read with the browser's EventSource (no tRPC client at
 * load), carries the new count with each event and tells the inbox list to read again. When the
 * stream (re)connects later than its re-read window covers, the count is read again, so nothing
 * stored while it was away goes uncounted.
 */
export function InboxBell({
  workspaceId,
  initial,
  icon,
}: {
  workspaceId: string;
  initial: UnreadCount;
  /** Server-rendered (BellIcon). */
  icon: ReactNode;
}) {
  const [unread, setUnread] = useState(initial);
  // A new server render (a refresh, another workspace) brings a fresh count.
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setUnread(initial);
  }
  useEffect(() => {
    let stale = false;
    const close = openLiveStream<{ unreadCount: number }>(
      "inbox.live",
      { workspaceId, lastEventId: null },
      {
        onConnected: (first) => {
          if (first && performance.now() < FIRST_CONNECTION_COVERED_MS) return;
          void api()
            .then((client) => client.inbox.unreadCount.query({ workspaceId }))
            .then((count) => {
              if (!stale) setUnread(count);
            })
            .catch(() => undefined);
        },
        onData: ({ unreadCount }) => {
          setUnread((old) => ({ cap: old.cap, count: unreadCount }));
          window.dispatchEvent(new Event(INBOX_CHANGED));
        },
      },
    );
    return () => {
      stale = true;
      close();
    };
  }, [workspaceId]);

  const { count, cap } = unread;
  const label = count === 0 ? "Inbox, no unread notifications" : `Inbox, ${count} unread`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      className="relative flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      {icon}
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="min-w-5 rounded-full bg-primary px-1.5 text-center text-xs font-semibold text-primary-foreground"
        >
          {unreadLabel(count, cap)}
        </span>
      ) : null}
    </Link>
  );
}
