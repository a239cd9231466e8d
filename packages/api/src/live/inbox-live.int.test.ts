/**
 * The live inbox as a browser meets it (docs/architecture.md "Live inbox"): tRPC's
 * httpSubscriptionLink over real HTTP (server-sent events), the stream woken through Redis
 * pub/sub, the real database as the application role. The stream's catch-up interval is set
 * far beyond the safety net, so an event can only arrive through the wake-up (live) or through
 * the resume read of a new connection (lastEventId): never by polling.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";
import { SAFETY_NET_MS } from "@atlas/test-config";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../app-router.ts";
import { appRouter } from "../app-router.ts";
import { handleTRPCRequest } from "../http.ts";
import { createHarness, type Harness } from "../testing/harness.ts";
import { createContextInner } from "../trpc.ts";
import { createInboxBus, type InboxBus, type InboxRecipient } from "@atlas/notify/inbox-bus";
import type { InboxEvent } from "./inbox-stream.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let h: Harness;
let bus: InboxBus;
let server: Server;
let baseUrl: string;
/** While set, requests wait here: the client cannot reconnect until it resolves. */
let gate: Promise<void> | null = null;
/** What each subscription request asked to resume from (query input or Last-Event-ID header). */
const resumedFrom: (string | null)[] = [];

/** Listens on the first free port of 3650–3659 (the ports this suite may bind). */
async function listen(s: Server): Promise<number> {
  for (let port = 3650; port <= 3659; port++) {
    const taken = await new Promise<boolean>((resolve) => {
      s.once("error", () => resolve(true));
      s.listen(port, "127.0.0.1", () => resolve(false));
    });
    if (!taken) return port;
  }
  throw new Error("ports 3650–3659 are all taken");
}

beforeAll(async () => {
  h = await createHarness();
  // One prefix per run; no catch-up read within the run (see the header).
  bus = createInboxBus({
    redisUrl: REDIS_URL,
    prefix: `test:inbox:${randomUUID()}`,
    catchUpMs: 2 * SAFETY_NET_MS,
  });
  server = createServer((req, res) => {
    void (async () => {
      if (gate) await gate;
      const url = new URL(req.url ?? "/", baseUrl);
      if (url.pathname.endsWith("/inbox.live")) {
        const input = url.searchParams.get("input");
        const fromInput = input
          ? (superjson.deserialize<{ lastEventId?: string | null }>(JSON.parse(input))
              .lastEventId ?? null)
          : null;
        resumedFrom.push(fromInput ?? (req.headers["last-event-id"] as string | undefined) ?? null);
      }
      const aborted = new AbortController();
      res.on("close", () => aborted.abort());
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "GET" ? undefined : (Readable.toWeb(req) as ReadableStream),
        signal: aborted.signal,
        duplex: "half", // Node's fetch needs it for a streamed body
      });
      const response = await handleTRPCRequest({
        router: appRouter,
        request,
        createContext: async () =>
          createContextInner({
            session: h.session("nora", "demo"),
            source: "web",
            db: h.app,
            limiter: h.limiter,
            inboxBus: bus,
          }),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) {
        for await (const chunk of response.body) res.write(chunk);
      }
      res.end();
    })().catch(() => res.destroy());
  });
  baseUrl = `http://127.0.0.1:${await listen(server)}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await bus?.close();
  await h?.close();
});

function client(): TRPCClient<AppRouter> {
  const url = `${baseUrl}/api/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url, transformer: superjson, EventSource }),
        false: httpBatchLink({ url, transformer: superjson }),
      }),
    ],
  });
}

/** Events as they arrive; `next(n)` resolves once n distinct notifications have arrived. */
function recorder() {
  const ids: string[] = [];
  const events: InboxEvent[] = [];
  let waiting: { count: number; resolve: () => void } | null = null;
  return {
    ids,
    events,
    push(event: { id: string; data: InboxEvent }) {
      // The stream may repeat events near a resume point; a client keeps items by id.
      if (ids.includes(event.id)) return;
      ids.push(event.id);
      events.push(event.data);
      if (waiting && ids.length >= waiting.count) waiting.resolve();
    },
    next(count: number) {
      return new Promise<void>((resolve) => {
        if (ids.length >= count) return resolve();
        waiting = { count, resolve };
      });
    },
  };
}

async function storeNotice(recipient: InboxRecipient, title: string): Promise<string> {
  const row = await h.admin.notification.create({
    data: {
      ...recipient,
      kind: "coach_note_shared",
      title,
      body: `${title} (body)`,
      data: { noteId: "n1", link: { app: "web", path: "/dashboard?note=n1" } },
    },
    select: { id: true },
  });
  return row.id;
}

describe("the live inbox", () => {
  it("delivers a new notification through the wake-up, then resumes after a dropped connection", async () => {
    const recipient = { workspaceId: h.workspaceIds.demo, userId: h.userIds.nora };
    const received = recorder();
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const subscription = client().inbox.live.subscribe(
      { workspaceId: recipient.workspaceId, lastEventId: null },
      {
        onStarted: () => started(),
        onData: (event) => received.push(event as { id: string; data: InboxEvent }),
      },
    );
    await isStarted;
    // Once the stream has read (a ping or nothing yet), it waits on the bus: store, then wake.
    const first = await storeNotice(recipient, "First");
    await bus.publish(recipient);
    await received.next(1);
    expect(received.ids).toEqual([first]);
    expect(received.events[0]).toMatchObject({
      item: {
        id: first,
        kind: "coach_note_shared",
        title: "First",
        link: { app: "web", path: "/dashboard?note=n1" },
      },
      unreadCount: expect.any(Number),
    });
    expect(received.events[0]!.unreadCount).toBeGreaterThanOrEqual(1);

    // Drop every connection and hold the reconnect until two more notices are stored. Nobody
    // listens while they are published: only the resume read can deliver them.
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    const requestsBefore = resumedFrom.length;
    server.closeAllConnections();
    const second = await storeNotice(recipient, "Second");
    const third = await storeNotice(recipient, "Third");
    await bus.publish(recipient);
    gate = null;
    open();

    await received.next(3);
    expect(received.ids).toEqual([first, second, third]);
    expect(received.events.map((e) => e.item.title)).toEqual(["First", "Second", "Third"]);
    // The reconnect asked to resume after the last event it had seen.
    expect(resumedFrom.slice(requestsBefore)).toContain(first);
    subscription.unsubscribe();
  });

  it("refuses a stream of a workspace the caller is not a member of", async () => {
    const caller = h.as("nora", "demo");
    await expect(caller.inbox.live({ workspaceId: h.workspaceIds.second })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the wake-up bus", () => {
  it("carries a publish from one process's bus to another's subscriber, per recipient", async () => {
    const prefix = `test:inbox:${randomUUID()}`;
    const [a, b] = [
      createInboxBus({ redisUrl: REDIS_URL, prefix }),
      createInboxBus({ redisUrl: REDIS_URL, prefix }),
    ];
    const nora = { workspaceId: "w1", userId: "nora" };
    const bernd = { workspaceId: "w1", userId: "bernd" };
    const woken: string[] = [];
    let wokeNora!: () => void;
    const noraWoken = new Promise<void>((resolve) => (wokeNora = resolve));
    const stopBernd = await b.subscribe(bernd, () => woken.push("bernd"));
    const stopNora = await b.subscribe(nora, () => {
      woken.push("nora");
      wokeNora();
    });
    await a.publish(nora);
    await noraWoken;
    expect(woken).toEqual(["nora"]);
    await stopNora();
    await stopBernd();
    await Promise.all([a.close(), b.close()]);
  });

  it("in memory, wakes the subscribers of one recipient until they leave", async () => {
    const memory = createInboxBus();
    const recipient = { workspaceId: "w1", userId: "u1" };
    let wakes = 0;
    const stop = await memory.subscribe(recipient, () => wakes++);
    await memory.publish(recipient);
    await memory.publish({ workspaceId: "w1", userId: "u2" });
    await stop();
    await memory.publish(recipient);
    expect(wakes).toBe(1);
    expect(memory.store).toBe("memory");
  });
});
