"use client";

import type { RouterOutputs } from "@atlas/api";
import { Button } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { INBOX_CHANGED } from "~/components/inbox/inbox-bell.tsx";
import { api, useAction, usePages } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type InboxPage = RouterOutputs["inbox"]["list"];
type InboxItem = InboxPage["items"][number];

const PAGE_SIZE = 20;

/** A link of the web app is a path here; the console's (a coach's notices) lives on its own host. */
function hrefOf(item: InboxItem, adminUrl: string | null): string | null {
  if (!item.link) return null;
  if (item.link.app === "web") return item.link.path;
  return adminUrl ? `${adminUrl.replace(/\/$/, "")}${item.link.path}` : null;
}

/**
 * The list after its first page was read again: the page's items (new, or changed) on top, then
 * the older ones already shown, each once. A page that is the whole inbox replaces the list.
 */
function withFirstPage(shown: InboxPage, first: InboxPage): InboxPage {
  if (first.nextCursor === null) return first;
  const ids = new Set(first.items.map((item) => item.id));
  return {
    items: [...first.items, ...shown.items.filter((item) => !ids.has(item.id))],
    nextCursor: shown.nextCursor,
  };
}

/**
 * The inbox (docs/architecture.md "Live inbox"): newest first, a page at a time; opening a notice
 * marks it read and follows its deep link. The page renders the first page; older ones load on
 * "Show older", and the bell's stream (INBOX_CHANGED) has the first page read again.
 */
export function InboxList({
  workspaceId,
  adminUrl,
  initial,
}: {
  workspaceId: string;
  adminUrl: string | null;
  initial: InboxPage;
}) {
  const locale = useLocale();
  const router = useRouter();
  const pages = usePages(initial, (api, cursor) =>
    api.inbox.list.query({ workspaceId, limit: PAGE_SIZE, cursor }),
  );
  const { update } = pages;
  const [openError, setError] = useState<string | null>(null);
  const error = openError ?? (pages.error ? describeError(pages.error).form : null);
  // Read notices leave the bell's count stale: the layout renders it again.
  const markRead = useAction((api) => api.inbox.markRead.mutate, {
    onSuccess: (_, { ids }) => {
      const readAt = new Date().toISOString();
      update((shown) => ({
        ...shown,
        items: shown.items.map((item) =>
          ids.includes(item.id) && item.readAt === null ? { ...item, readAt } : item,
        ),
      }));
      router.refresh();
    },
  });
  const markAllRead = useAction((api) => api.inbox.markAllRead.mutate, {
    onSuccess: () => {
      const readAt = new Date().toISOString();
      update((shown) => ({
        ...shown,
        items: shown.items.map((item) => (item.readAt === null ? { ...item, readAt } : item)),
      }));
      router.refresh();
    },
  });
  const hasUnread = pages.items.some((i) => i.readAt === null);

  useEffect(() => {
    // Only the newest read counts: an answer overtaken by a later one is dropped.
    let latest = 0;
    let stale = false;
    const readFirstPage = async () => {
      const read = ++latest;
      try {
        const first = await (await api()).inbox.list.query({ workspaceId, limit: PAGE_SIZE });
        if (!stale && read === latest) update((shown) => withFirstPage(shown, first));
      } catch {
        // The next change, or a reload, reads it again.
      }
    };
    const onChanged = () => void readFirstPage();
    window.addEventListener(INBOX_CHANGED, onChanged);
    return () => {
      stale = true;
      window.removeEventListener(INBOX_CHANGED, onChanged);
    };
  }, [workspaceId, update]);

  async function open(item: InboxItem) {
    setError(null);
    const href = hrefOf(item, adminUrl);
    try {
      if (item.readAt === null) await markRead.send({ workspaceId, ids: [item.id] });
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
          onClick={() => markAllRead.fire({ workspaceId })}
        >
          Mark all read
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {pages.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing here yet.</p>
      ) : (
        <ul
          aria-label="Notifications"
          className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
        >
          {pages.items.map((item) => (
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
      {pages.hasMore ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={pages.isLoading}
          onClick={() => void pages.more()}
        >
          Show older
        </Button>
      ) : null}
    </div>
  );
}
