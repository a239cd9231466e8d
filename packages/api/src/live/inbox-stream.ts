/**
 * The live inbox stream (docs/architecture.md "Live inbox"): every notification of one recipient
 * after the last one the client saw, as tRPC `tracked` events whose ids are notification ids, so a
 * reconnecting client resumes with `lastEventId` and misses nothing. It reads the database, then
 * waits for a wake-up from the bus (or at most the bus's catch-up interval) and reads again.
 * Events may repeat within LIVE_REREAD_MS of the resume point: clients keep items by id.
 */
import {
  countUnread,
  LIVE_REREAD_MS,
  notificationsAfter,
  uuidV7Floor,
  uuidV7Ms,
  type InboxItem,
  type InboxRecipient,
} from "@atlas/core/services/notifications/inbox";
import type { TenantDb } from "@atlas/db";
import { tracked, type TrackedEnvelope } from "@trpc/server";
import type { InboxBus } from "@atlas/notify/inbox-bus";

/** At most this many notifications per read; a longer backlog is read in further rounds. */
const READ_BATCH = 50;

export interface InboxEvent {
  item: InboxItem;
  /** The unread count after this batch (capped, see UNREAD_COUNT_CAP). */
  unreadCount: number;
}

/** A latch: `wake()` before or during `wait()` ends the wait; `wait` also ends on time or abort. */
function wakeLatch() {
  let woken = false;
  let release: (() => void) | null = null;
  return {
    wake() {
      woken = true;
      release?.();
    },
    async wait(timeoutMs: number, signal: AbortSignal) {
      if (!woken && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, timeoutMs);
          signal.addEventListener("abort", done, { once: true });
          release = done;
          function done() {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            release = null;
            resolve();
          }
        });
      }
      woken = false;
    },
  };
}

export async function* inboxStream(opts: {
  db: TenantDb;
  bus: InboxBus;
  recipient: InboxRecipient;
  /** The last notification id the client saw; null or unknown: from LIVE_REREAD_MS ago. */
  lastEventId: string | null;
  signal: AbortSignal;
  now?: () => number;
}): AsyncGenerator<TrackedEnvelope<InboxEvent>> {
  const { db, bus, recipient, signal } = opts;
  const now = opts.now ?? Date.now;
  const latch = wakeLatch();
  // Subscribed before the first read: a notice stored in between wakes the loop.
  const unsubscribe = await bus.subscribe(recipient, () => latch.wake());
  try {
    const resumeMs = opts.lastEventId === null ? null : uuidV7Ms(opts.lastEventId);
    let lastMs = resumeMs ?? now();
    // Sent ids in the re-read window, with their times (pruned as the window moves).
    const sent = new Map<string, number>();
    if (resumeMs !== null) sent.set(opts.lastEventId!, resumeMs);
    while (!signal.aborted) {
      const floorMs = lastMs - LIVE_REREAD_MS;
      for (const [id, ms] of sent) if (ms < floorMs) sent.delete(id);
      const items = await notificationsAfter(
        db,
        recipient,
        uuidV7Floor(floorMs),
        [...sent.keys()],
        READ_BATCH,
      );
      if (items.length > 0) {
        const unreadCount = await countUnread(db, recipient);
        for (const item of items) {
          const ms = uuidV7Ms(item.id) ?? lastMs;
          sent.set(item.id, ms);
          lastMs = Math.max(lastMs, ms);
          yield tracked(item.id, { item, unreadCount });
        }
        if (items.length === READ_BATCH) continue;
      }
      await latch.wait(bus.catchUpMs, signal);
    }
  } finally {
    await unsubscribe();
  }
}
