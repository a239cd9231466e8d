/**
 * The live inbox's wake-up bus (docs/architecture.md "Live inbox"): "recipient X has something
 * new". A message carries no notification: the database is the record, and a woken stream reads
 * what it has not sent yet. So a lost message (Redis pub/sub is at most once) delays an event by
 * the stream's catch-up read at most; it never loses one.
 *
 * Two stores, one interface:
 * - with REDIS_URL: Redis pub/sub, one channel per recipient, one subscriber connection per
 *   process (ioredis 6 speaks RESP3; the publisher keeps its own connection);
 * - without (embedded and test mode): in this process's memory.
 */
import { Redis } from "ioredis";

/** Whose inbox: a member of one workspace. */
export interface InboxRecipient {
  workspaceId: string;
  userId: string;
}

export interface InboxBus {
  readonly store: "redis" | "memory";
  /**
   * How long a stream waits for a wake-up before it reads anyway: with Redis it only covers a lost
   * message; in memory it also carries what another process (the admin app, a job) stored.
   */
  readonly catchUpMs: number;
  /** Wakes every stream of `recipient` (in any process, with Redis). Never throws. */
  publish(recipient: InboxRecipient): Promise<void>;
  /** Calls `onWake` on each publish to `recipient` until the returned function is called. */
  subscribe(recipient: InboxRecipient, onWake: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface InboxBusOptions {
  /** With a URL, messages travel through Redis (every process); without, in this process. */
  redisUrl?: string;
  /** Channel prefix in Redis (tests use a unique one per run). */
  prefix?: string;
  /** Overrides the store's catch-up interval (InboxBus.catchUpMs). */
  catchUpMs?: number;
}

/** InboxBus.catchUpMs per store. */
export const CATCH_UP_MS = { redis: 30_000, memory: 2_000 } as const;

const channelOf = (prefix: string, r: InboxRecipient) => `${prefix}:${r.workspaceId}:${r.userId}`;

export function createInboxBus(options: InboxBusOptions = {}): InboxBus {
  const prefix = options.prefix ?? "atlas:inbox";
  return options.redisUrl
    ? redisBus(options.redisUrl, prefix, options.catchUpMs ?? CATCH_UP_MS.redis)
    : memoryBus(prefix, options.catchUpMs ?? CATCH_UP_MS.memory);
}

/** Listeners per channel; `add` and `remove` say whether the channel gained or lost its first. */
function listenerTable() {
  const byChannel = new Map<string, Set<() => void>>();
  return {
    add(channel: string, listener: () => void): boolean {
      const set = byChannel.get(channel);
      if (set) {
        set.add(listener);
        return false;
      }
      byChannel.set(channel, new Set([listener]));
      return true;
    },
    remove(channel: string, listener: () => void): boolean {
      const set = byChannel.get(channel);
      if (!set?.delete(listener) || set.size > 0) return false;
      byChannel.delete(channel);
      return true;
    },
    wake(channel: string) {
      for (const listener of byChannel.get(channel) ?? []) listener();
    },
  };
}

function memoryBus(prefix: string, catchUpMs: number): InboxBus {
  const listeners = listenerTable();
  return {
    store: "memory",
    catchUpMs,
    async publish(recipient) {
      listeners.wake(channelOf(prefix, recipient));
    },
    async subscribe(recipient, onWake) {
      const channel = channelOf(prefix, recipient);
      listeners.add(channel, onWake);
      return async () => {
        listeners.remove(channel, onWake);
      };
    },
    close: async () => undefined,
  };
}

function redisBus(url: string, prefix: string, catchUpMs: number): InboxBus {
  // maxRetriesPerRequest 1: a publish fails fast while Redis is away (the catch-up read covers it).
  const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
  // A subscriber connection reconnects and re-subscribes by itself (ioredis autoResubscribe).
  const subscriber = new Redis(url, { maxRetriesPerRequest: 1 });
  const listeners = listenerTable();
  subscriber.on("message", (channel: string) => listeners.wake(channel));
  // Errors while Redis is away are retried by ioredis; without a listener they would crash.
  publisher.on("error", () => undefined);
  subscriber.on("error", () => undefined);
  return {
    store: "redis",
    catchUpMs,
    async publish(recipient) {
      await publisher.publish(channelOf(prefix, recipient), "1").catch(() => undefined);
    },
    async subscribe(recipient, onWake) {
      const channel = channelOf(prefix, recipient);
      if (listeners.add(channel, onWake)) await subscriber.subscribe(channel);
      return async () => {
        if (listeners.remove(channel, onWake)) {
          await subscriber.unsubscribe(channel).catch(() => undefined);
        }
      };
    },
    close: async () => {
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}
