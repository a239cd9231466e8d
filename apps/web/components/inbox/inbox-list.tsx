"use client";

import type { RouterOutputs } from "@atlas/api";
import { Button } from "@atlas/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "~/lib/errors.ts";
import { useTRPC } from "~/lib/trpc/react.tsx";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type InboxItem = RouterOutputs["inbox"]["list"]["items"][number];

/** A link of the web app is a path here; the console's (a coach's notices) lives on its own host. */
function hrefOf(item: InboxItem, adminUrl: string | null): string | null {
  if (!item.link) return null;
  if (item.link.app === "web") return item.link.path;
  return adminUrl ? `${adminUrl.replace(/\/$/, "")}${item.link.path}` : null;
}

/**
 * The inbox (docs/architecture.md "Live inbox"): newest first, a page at a time; opening a notice
 * marks it read and follows its deep link. The bell's stream refreshes this list as notices arrive.
 */
export function InboxList({
  workspaceId,
  adminUrl,
}: {
  workspaceId: string;
  adminUrl: string | null;
}) {
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const pages = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(
      { workspaceId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.inbox.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation(trpc.inbox.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(trpc.inbox.markAllRead.mutationOptions({ onSettled: refresh }));
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const hasUnread = items.some((i) => i.readAt === null);

  async function open(item: InboxItem) {
    setError(null);
    const href = hrefOf(item, adminUrl);
    try {
      if (item.readAt === null) await markRead.mutateAsync({ workspaceId, ids: [item.id] });
    } catch (caught) {
      setError(describeError(caught as Parameters<typeof describeError>[0]).form);
      return;
    }
    if (href) window.location.assign(href);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">Newest first.</p>
        <Button
          variant="outline"
          size="sm"
          disabled={!hasUnread || markAllRead.isPending}
          onClick={() => markAllRead.mutate({ workspaceId })}
        >
          Mark all read
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {pages.isPending ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing here yet.</p>
      ) : (
        <ul
          aria-label="Notifications"
          className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
        >
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => void open(item)}
                className="flex w-full flex-col items-start gap-1 px-4 py-3 text-left hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="flex items-center gap-2 text-sm font-medium">
                  {item.readAt === null ? (
                    <span className="size-2 rounded-full bg-primary" aria-label="Unread" />
                  ) : null}
                  {item.title}
                </span>
                <span className="text-sm text-muted-foreground">{item.body}</span>
                <time dateTime={item.createdAt} className="text-xs text-muted-foreground">
                  {formatInstant(item.createdAt, "dateTime", locale)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          Show older
        </Button>
      ) : null}
    </div>
  );
}
