/**
 * Rate limits on the real Redis (127.0.0.1:6379), through @upstash/ratelimit over ioredis 6
 * (RESP3), and through the chain: a limited call is TOO_MANY_REQUESTS with the retry time.
 */
import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Redis } from "ioredis";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRouter } from "./app-router.ts";
import type { AppError } from "./errors.ts";
import { createRateLimiter, upstashRedisAdapter, type RateLimiters } from "./rate-limit.ts";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import { createContextInner } from "./trpc.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `atlas-test:${randomUUID()}`;
// A long window, so the test cannot straddle a window boundary.
const tiny = { settings: { tokens: 2, windowMs: 3_600_000 } };

let h: Harness;
let limiter: RateLimiters;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  await redis.ping(); // no Redis here is a failure, never a skip
  h = await createHarness();
  limiter = createRateLimiter({ redisUrl: REDIS_URL, prefix, buckets: tiny });
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([limiter?.close(), h?.close()]);
  await redis.quit();
});

const week = (minutes: number) => ({
  monMinutes: minutes,
  tueMinutes: minutes,
  wedMinutes: minutes,
  thuMinutes: minutes,
  friMinutes: minutes,
  satMinutes: 0,
  sunMinutes: 0,
});

describe("the Redis limiter", () => {
  it("counts in Redis under the prefix and answers numbers over RESP3", async () => {
    expect(limiter.store).toBe("redis");
    const key = `direct-${randomUUID()}`;
    const first = await limiter.limit("settings", key);
    expect(first).toMatchObject({ success: true, limit: 2, remaining: 1 });
    expect(first.resetAt.getTime()).toBeGreaterThan(Date.now());
    expect((await limiter.limit("settings", key)).remaining).toBe(0);
    expect(await limiter.limit("settings", key)).toMatchObject({ success: false, remaining: 0 });
    expect((await redis.keys(`${prefix}:settings:${key}:*`)).length).toBe(1);
  });

  it("runs the script by sha after the first call (the adapter maps upstash's hash)", async () => {
    const client = new Redis(REDIS_URL);
    const evalSpy = vi.spyOn(client, "eval");
    const evalshaSpy = vi.spyOn(client, "evalsha");
    const adapter = upstashRedisAdapter(client);
    const script = "#!lua flags=allow-key-locking\nreturn {tonumber(ARGV[1]) - 1, 7}";
    const sha = (await import("node:crypto")).createHash("sha1").update(script).digest("hex");
    await expect(adapter.evalsha(sha, [], [5])).rejects.toThrow(/NOSCRIPT/);
    expect(await adapter.eval(script, [], [5])).toEqual([4, 7]);
    expect(await adapter.evalsha(sha, [], [9])).toEqual([8, 7]);
    expect(evalSpy).toHaveBeenCalledTimes(1);
    expect(evalshaSpy).toHaveBeenCalledTimes(1);
    await client.quit();
  });
  it("sends upstash's script once, then runs it by sha", async () => {
    const evalSpy = vi.spyOn(Redis.prototype, "eval");
    const evalshaSpy = vi.spyOn(Redis.prototype, "evalsha");
    const fresh = createRateLimiter({ redisUrl: REDIS_URL, prefix, buckets: tiny });
    try {
      const key = `sha-${randomUUID()}`;
      for (let i = 0; i < 3; i++) await fresh.limit("settings", key);
      expect(evalSpy).toHaveBeenCalledTimes(1);
      expect(evalshaSpy).toHaveBeenCalledTimes(2);
    } finally {
      evalSpy.mockRestore();
      evalshaSpy.mockRestore();
      await fresh.close();
    }
  });
});

describe("rateLimited in the chain", () => {
  it("refuses the third capacity update in the window: TOO_MANY_REQUESTS with retryAfterSeconds", async () => {
    const caller = h.as("nora", "demo", { limiter });
    await caller.membership.capacity.update(week(100));
    await caller.membership.capacity.update(week(200));
    const error = await rejectionOf(caller.membership.capacity.update(week(300)));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    const details = (error.cause as AppError).details as { retryAfterSeconds: number };
    expect(details.retryAfterSeconds).toBeGreaterThan(0);
    expect(details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(error.message).toBe(
      `Too many requests: try again in ${details.retryAfterSeconds} seconds.`,
    );
    // The refused call stored nothing.
    const row = await h.admin.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: h.workspaceIds.demo, userId: h.userIds.nora } },
    });
    expect(row.capacityMonMinutes).toBe(200);
    // Another user has their own budget.
    await h.as("bernd", "demo", { limiter }).membership.capacity.update(week(100));
  });

  it("answers HTTP 429 with data.retryAfterSeconds over the wire", async () => {
    const createContext = () =>
      createContextInner({ session: h.session("kenji"), source: "web", db: h.app, limiter });
    const call = () =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        router: appRouter,
        createContext,
        req: new Request("http://localhost/api/trpc/membership.capacity.update", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(superjson.serialize(week(120))),
        }),
      });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as {
      error: { json: { message: string; data: { code: string; retryAfterSeconds: number } } };
    };
    expect(body.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.json.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.json.message).toContain(`${body.error.json.data.retryAfterSeconds} seconds`);
  });
});
