"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useTRPC } from "~/lib/trpc/react.tsx";

/** "99+" beyond the count's cap. */
export function unreadLabel(count: number, cap: number): string {
  return count >= cap ? `${cap - 1}+` : String(count);
}

/**
 * The header's bell: the unread count, live (docs/architecture.md "Live inbox"). Each event of
 * the inbox stream carries the new count and refreshes the inbox list; when the stream (re)starts
 * the count is read again, so nothing stored while it was away goes uncounted.
 */
export function InboxBell({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const countOptions = trpc.inbox.unreadCount.queryOptions({ workspaceId });
  const { data } = useQuery(countOptions);
  useSubscription(
    trpc.inbox.live.subscriptionOptions(
      { workspaceId, lastEventId: null },
      {
        onStarted: () => void queryClient.invalidateQueries({ queryKey: countOptions.queryKey }),
        onData: ({ data: event }) => {
          queryClient.setQueryData(countOptions.queryKey, (old) => ({
            cap: old?.cap ?? event.unreadCount + 1,
            count: event.unreadCount,
          }));
          void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() });
        },
      },
    ),
  );
  const count = data?.count ?? 0;
  const label = count === 0 ? "Inbox, no unread notifications" : `Inbox, ${count} unread`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      className="relative flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="min-w-5 rounded-full bg-primary px-1.5 text-center text-xs font-semibold text-primary-foreground"
        >
          {unreadLabel(count, data?.cap ?? Infinity)}
        </span>
      ) : null}
    </Link>
  );
}
