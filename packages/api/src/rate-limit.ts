/**
 * Rate limits (docs/architecture.md "Request flow", "Outside services": Redis holds rate limits; embedded mode limits in process).
 *
 * One sliding-window algorithm, two stores:
 * - with REDIS_URL: `@upstash/ratelimit`'s sliding window, over ioredis through a small adapter
 *   (upstash calls `evalsha`, then `eval` on NOSCRIPT; `get`/`set` complete its client type);
 * - without: the same algorithm in process memory (one process = one limit; embedded mode only).
 * The algorithm (upstash's): fixed windows of `windowMs`; a call counts the current window plus
 * the previous window weighted by how much of it still overlaps the sliding window, and is refused
 * once that reaches `tokens`; `resetAt` is the end of the current fixed window.
 */
import { createHash } from "node:crypto";
import { Ratelimit, type Duration } from "@upstash/ratelimit";
import { Redis } from "ioredis";

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
}

/** One window configuration: `limit(key)` counts one call for `key`. */
export interface RateLimiter {
  limit(key: string): Promise<RateLimitResult>;
}

export interface BucketConfig {
  /** Calls allowed per sliding window. */
  tokens: number;
  windowMs: number;
}

/** Limits per bucket, as data. A procedure names its bucket: `rateLimited("settings")`. */
export const RATE_LIMIT_BUCKETS = {
  /** Settings writes (workspace, personal, capacity): generous for people, tight for scripts. */
  settings: { tokens: 30, windowMs: 60_000 },
  /** Plan writes (goals, habits, tasks, milestones): a person editing a plan stays far below. */
  plans: { tokens: 120, windowMs: 60_000 },
  /** Log writes (check-in, skip, undo): a busy morning stays far below; a loop does not. */
  log: { tokens: 120, windowMs: 60_000 },
  /**
   * Asking for AI suggestions (docs/domain.md "AI suggestions"): each may cost a model call, so a
   * person asks a few times an hour, a script is stopped early. The plan's monthly quota is apart.
   */
  ai: { tokens: 20, windowMs: 60 * 60_000 },
  /** Inbox writes (mark read): one per click. */
  inbox: { tokens: 120, windowMs: 60_000 },
} as const satisfies Record<string, BucketConfig>;

export type RateLimitBucket = keyof typeof RATE_LIMIT_BUCKETS;

/** The limiters of every bucket, on one store. */
export interface RateLimiters {
  readonly store: "redis" | "memory";
  limit(bucket: RateLimitBucket, key: string): Promise<RateLimitResult>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** With a URL, limits live in Redis (shared by every process); without, in this process. */
  redisUrl?: string;
  /** Key prefix in Redis (tests use a unique one per run). */
  prefix?: string;
  /** Overrides of the bucket table (tests use tiny limits). */
  buckets?: Partial<Record<RateLimitBucket, BucketConfig>>;
  /**
   * Redis answers slower than this let the call through (upstash's fail-open timeout): a slow
   * Redis must not take the app down with it.
   */
  timeoutMs?: number;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiters {
  const buckets = { ...RATE_LIMIT_BUCKETS, ...options.buckets } as Record<
    RateLimitBucket,
    BucketConfig
  >;
  const prefix = options.prefix ?? "atlas:rl";
  const names = Object.keys(buckets) as RateLimitBucket[];

  if (!options.redisUrl) {
    const limiters = Object.fromEntries(
      names.map((b) => [b, createMemorySlidingWindow(buckets[b])]),
    ) as Record<RateLimitBucket, RateLimiter>;
    return {
      store: "memory",
      limit: (bucket, key) => limiters[bucket].limit(key),
      close: async () => undefined,
    };
  }

  // maxRetriesPerRequest 1: a call fails (then fails open) instead of queueing while Redis is away.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  const adapter = upstashRedisAdapter(redis);
  const limiters = Object.fromEntries(
    names.map((b) => [
      b,
      createUpstashSlidingWindow(adapter, {
        ...buckets[b],
        prefix: `${prefix}:${b}`,
        timeoutMs: options.timeoutMs,
      }),
    ]),
  ) as Record<RateLimitBucket, RateLimiter>;
  return {
    store: "redis",
    limit: (bucket, key) => limiters[bucket].limit(key),
    close: async () => {
      await redis.quit();
    },
  };
}

// ── Redis: @upstash/ratelimit over ioredis ──────────────────────────────────────────────────

/** What @upstash/ratelimit's single-region algorithms call on their redis client. */
export interface UpstashRedisLike {
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * Upstash's scripts start with `#!lua flags=allow-key-locking`, a flag Redis 7.0 does not know
 * ("Unexpected flag in script shebang"); without the line they run as plain scripts.
 */
export function stripLuaShebang(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

function redisArg(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Upstash's client surface on ioredis. Upstash calls `evalsha(<sha1 of its script>)` and falls
 * back to `eval(script)` on NOSCRIPT; the stripped script has another sha, so the adapter
 * remembers upstash's hash → the stripped script's sha once `eval` has run (and loaded) it.
 * ioredis 6 speaks RESP3: a Lua table still arrives as an array of integers.
 */
export function upstashRedisAdapter(redis: Redis): UpstashRedisLike {
  const strippedSha = new Map<string, string>();
  return {
    async eval(script, keys, args) {
      const stripped = stripLuaShebang(script);
      const result = await redis.eval(stripped, keys.length, ...keys, ...args.map(redisArg));
      strippedSha.set(sha1(script), sha1(stripped));
      return result;
    },
    async evalsha(sha, keys, args) {
      const known = strippedSha.get(sha);
      // Unknown here: say NOSCRIPT without a round trip, so upstash sends the script itself.
      if (known === undefined) throw new Error("NOSCRIPT script not loaded through this adapter");
      return redis.evalsha(known, keys.length, ...keys, ...args.map(redisArg));
    },
    get: (key) => redis.get(key),
    set: (key, value) => redis.set(key, redisArg(value)),
  };
}

function createUpstashSlidingWindow(
  redis: UpstashRedisLike,
  config: BucketConfig & { prefix: string; timeoutMs?: number },
): RateLimiter {
  const ratelimit = new Ratelimit({
    // Upstash types its client as @upstash/redis; the adapter implements the part it calls.
    redis: redis as unknown as ConstructorParameters<typeof Ratelimit>[0]["redis"],
    limiter: Ratelimit.slidingWindow(config.tokens, `${config.windowMs} ms` as Duration),
    prefix: config.prefix,
    analytics: false,
    timeout: config.timeoutMs ?? 1000,
  });
  return {
    async limit(key) {
      const r = await ratelimit.limit(key);
      return {
        success: r.success,
        limit: r.limit,
        remaining: r.remaining,
        resetAt: new Date(r.reset),
      };
    },
  };
}

// ── In process ──────────────────────────────────────────────────────────────────────────────

interface WindowCounts {
  window: number;
  current: number;
  previous: number;
}

/** Upstash's sliding window, in this process's memory. `now` is injectable for tests. */
export function createMemorySlidingWindow(
  config: BucketConfig & { now?: () => number },
): RateLimiter {
  const { tokens, windowMs } = config;
  const now = config.now ?? Date.now;
  const counts = new Map<string, WindowCounts>();

  function sweep(window: number) {
    for (const [key, c] of counts) if (c.window < window - 1) counts.delete(key);
  }

  return {
    async limit(key) {
      const t = now();
      const window = Math.floor(t / windowMs);
      if (counts.size > 10_000) sweep(window);
      let c = counts.get(key);
      if (c === undefined || c.window < window - 1) {
        c = { window, current: 0, previous: 0 };
        counts.set(key, c);
      } else if (c.window === window - 1) {
        c.previous = c.current;
        c.current = 0;
        c.window = window;
      }
      const resetAt = new Date((window + 1) * windowMs);
      const weightedPrevious = Math.floor((1 - (t % windowMs) / windowMs) * c.previous);
      if (weightedPrevious + c.current >= tokens) {
        return { success: false, limit: tokens, remaining: 0, resetAt };
      }
      c.current += 1;
      return {
        success: true,
        limit: tokens,
        remaining: Math.max(0, tokens - (c.current + weightedPrevious)),
        resetAt,
      };
    },
  };
}
