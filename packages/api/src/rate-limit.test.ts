import { describe, expect, it } from "vitest";
import {
  createMemorySlidingWindow,
  createRateLimiter,
  RATE_LIMIT_BUCKETS,
  stripLuaShebang,
} from "./rate-limit.ts";

const MINUTE = 60_000;

function clockAt(t: number) {
  const clock = { t, now: () => clock.t };
  return clock;
}

describe("the in-process sliding window", () => {
  it("allows `tokens` calls per window, then refuses until the window has slid", async () => {
    const clock = clockAt(10 * MINUTE); // the start of a window
    const limiter = createMemorySlidingWindow({ tokens: 3, windowMs: MINUTE, now: clock.now });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("u1"));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]!.resetAt).toEqual(new Date(11 * MINUTE));
    expect(results[3]!.limit).toBe(3);

    // Just into the next window the previous 3 still weigh floor(3 · 59/60) = 2: one call fits.
    clock.t = 11 * MINUTE + 1000;
    expect(await limiter.limit("u1")).toMatchObject({ success: true, remaining: 0 });
    expect((await limiter.limit("u1")).success).toBe(false);
    // Halfway, they weigh floor(3 · 1/2) = 1; with the 1 made this window, one more fits.
    clock.t = 11 * MINUTE + 30_000;
    expect((await limiter.limit("u1")).success).toBe(true);
    expect(await limiter.limit("u1")).toMatchObject({
      success: false,
      resetAt: new Date(12 * MINUTE),
    });
    // A window later with nothing in between: a clean slate.
    clock.t = 13 * MINUTE;
    expect(await limiter.limit("u1")).toMatchObject({ success: true, remaining: 2 });
  });

  it("counts each key on its own", async () => {
    const clock = clockAt(0);
    const limiter = createMemorySlidingWindow({ tokens: 1, windowMs: MINUTE, now: clock.now });
    expect((await limiter.limit("a")).success).toBe(true);
    expect((await limiter.limit("a")).success).toBe(false);
    expect((await limiter.limit("b")).success).toBe(true);
  });

  it("is what createRateLimiter uses without REDIS_URL, per bucket from the table", async () => {
    const limiters = createRateLimiter({ buckets: { settings: { tokens: 1, windowMs: MINUTE } } });
    expect(limiters.store).toBe("memory");
    expect((await limiters.limit("settings", "u")).success).toBe(true);
    expect((await limiters.limit("settings", "u")).success).toBe(false);
    await limiters.close();
    expect(RATE_LIMIT_BUCKETS.settings.tokens).toBeGreaterThan(1);
  });
});

describe("stripLuaShebang", () => {
  it("drops the first line only when it is a shebang", () => {
    expect(stripLuaShebang("#!lua flags=allow-key-locking\n  local x = 1\nreturn x")).toBe(
      "  local x = 1\nreturn x",
    );
    expect(stripLuaShebang("return 1")).toBe("return 1");
  });
});
