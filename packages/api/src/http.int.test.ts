/**
 * The /api/trpc handler as an outsider meets it (http.ts and the root of the chain in trpc.ts):
 * real Requests through tRPC's fetch handler, the real database as the application role.
 */
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRouter } from "./admin-router.ts";
import { appRouter } from "./app-router.ts";
import { MAX_BATCH_SIZE } from "./batch.ts";
import { handleTRPCRequest } from "./http.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { createHarness, type Harness, type Person } from "./testing/harness.ts";
import {
  CALLS_AT_ONCE_PER_REQUEST,
  createContextInner,
  createTRPCRouter,
  publicProcedure,
} from "./trpc.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

type AnyRouter = typeof appRouter | typeof adminRouter;

interface ErrorBody {
  error: {
    json: {
      message: string;
      data: {
        code: string;
        retryAfterSeconds: number | null;
        zodError: { fieldErrors: Record<string, string[]> } | null;
      };
    };
  };
}

function send(
  router: AnyRouter,
  who: Person | null,
  request: Request,
  options: { limiter?: Harness["limiter"] } = {},
) {
  return handleTRPCRequest({
    router,
    request,
    createContext: async () =>
      createContextInner({
        session: who ? h.session(who, "demo") : null,
        source: "web",
        db: h.app,
        limiter: options.limiter ?? h.limiter,
      }),
  });
}

const url = (path: string) => `http://127.0.0.1/api/trpc/${path}`;

function queryRequest(path: string, input: unknown) {
  const search = new URLSearchParams({ input: JSON.stringify(superjson.serialize(input)) });
  return new Request(`${url(path)}?${search}`);
}

function mutationRequest(path: string, input: unknown) {
  return new Request(url(path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

function batchQueryRequest(paths: string[], input: unknown) {
  const inputs = Object.fromEntries(paths.map((_, i) => [i, superjson.serialize(input)]));
  const search = new URLSearchParams({ batch: "1", input: JSON.stringify(inputs) });
  return new Request(`${url(paths.join(","))}?${search}`);
}

describe("a batch", () => {
  it(`of more than ${MAX_BATCH_SIZE} calls is refused whole (400), before any call runs`, async () => {
    const response = await send(
      appRouter,
      "nora",
      batchQueryRequest(Array(MAX_BATCH_SIZE + 1).fill("workspace.current"), {}),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.message).toMatch(/batch/i);
  });

  it(`of ${MAX_BATCH_SIZE} calls is answered`, async () => {
    const response = await send(
      appRouter,
      "nora",
      batchQueryRequest(Array(MAX_BATCH_SIZE).fill("workspace.current"), {}),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE);
  });

  it(`runs at most ${CALLS_AT_ONCE_PER_REQUEST} of its calls at once: the rest of the pool stays for others`, async () => {
    let running = 0;
    let most = 0;
    const probeRouter = createTRPCRouter({
      probe: publicProcedure.query(async () => {
        running += 1;
        most = Math.max(most, running);
        // Yield a few turns, so that every call that may start has started.
        for (let turn = 0; turn < 5; turn += 1) await new Promise((r) => setImmediate(r));
        running -= 1;
        return most;
      }),
    });
    const response = await handleTRPCRequest({
      router: probeRouter,
      request: batchQueryRequest(Array(MAX_BATCH_SIZE).fill("probe"), undefined),
      createContext: async () =>
        createContextInner({ session: null, source: "web", db: h.app, limiter: h.limiter }),
    });
    expect(response.status).toBe(200);
    expect(most).toBe(CALLS_AT_ONCE_PER_REQUEST);
  });
});

describe("a NUL character in any id", () => {
  const NUL_IDS = (workspaceId: string) => ({
    workspaceId: `${workspaceId}\u0000`,
    goalId: "goal\u0000",
    habitId: "habit\u0000",
    taskId: "task\u0000",
    milestoneId: "milestone\u0000",
    memberId: "member\u0000",
    eventId: "event\u0000",
  });
  const procedures = (router: AnyRouter) =>
    Object.entries(
      router._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    ).map(([path, procedure]) => [path, procedure._def.type] as const);
  const ROUTERS = [
    { name: "appRouter", router: appRouter as AnyRouter, who: "nora" as const },
    { name: "adminRouter", router: adminRouter as AnyRouter, who: "coach" as const },
  ];

  for (const { name, router, who } of ROUTERS) {
    it(`${name} has procedures to walk`, () => {
      expect(procedures(router).length).toBeGreaterThan(0);
    });

    it.each(procedures(router))(`${name}.%s (%s) answers 400 BAD_REQUEST`, async (path, type) => {
      const input = NUL_IDS(h.workspaceIds.demo);
      if (type === "subscription") {
        // A subscription answers over server-sent events: the refusal is the stream's error event.
        const response = await send(router, who, queryRequest(path, input));
        const text = await response.text();
        expect(text).toContain("event: serialized-error");
        expect(text).toContain('"code":"BAD_REQUEST"');
        expect(text).toContain("Text must not contain NUL characters");
        return;
      }
      const request = type === "query" ? queryRequest(path, input) : mutationRequest(path, input);
      const response = await send(router, who, request);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.json.data.code).toBe("BAD_REQUEST");
      expect(response.status).toBe(400);
      expect(body.error.json.data.zodError?.fieldErrors.workspaceId).toEqual([
        "Text must not contain NUL characters",
      ]);
    });
  }

  it("is refused in nested text and in keys too, and to a caller who is not signed in", async () => {
    const nested = await send(
      appRouter,
      "nora",
      mutationRequest("goal.create", {
        idempotencyKey: "nul-nested-1",
        title: "ok",
        tags: ["a\u0000"],
      }),
    );
    expect(nested.status).toBe(400);
    const key = await send(appRouter, "nora", queryRequest("habit.list", { "a\u0000": 1 }));
    expect(key.status).toBe(400);
    const anonymous = await send(appRouter, null, queryRequest("workspace.list", "x\u0000"));
    expect(anonymous.status).toBe(400);
  });
});

describe("a rate-limited call", () => {
  it("answers 429 with Retry-After, the seconds of data.retryAfterSeconds", async () => {
    const limiter = createRateLimiter({
      buckets: { settings: { tokens: 1, windowMs: 3_600_000 } },
    });
    const week = {
      ...{ monMinutes: 60, tueMinutes: 60, wedMinutes: 60, thuMinutes: 60, friMinutes: 60 },
      ...{ satMinutes: 0, sunMinutes: 0 },
    };
    const update = () =>
      send(appRouter, "kenji", mutationRequest("membership.capacity.update", week), { limiter });
    const first = await update();
    expect(first.status).toBe(200);
    expect(first.headers.get("retry-after")).toBeNull();
    const refused = await update();
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.json.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.headers.get("retry-after")).toBe(String(body.error.json.data.retryAfterSeconds));
  });
});
