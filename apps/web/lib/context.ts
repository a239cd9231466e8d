import "server-only";
import {
  createClockFromEnv,
  createContextInner,
  createRateLimiter,
  type RateLimiters,
} from "@atlas/api";
import { getSession, type Session } from "@atlas/auth";
import { createPrismaClient, type Db } from "@atlas/db";
import { serverEnv } from "~/env.ts";

interface Shared {
  db: Db;
  limiter: RateLimiters;
  clock: ReturnType<typeof createClockFromEnv>;
}

// One app-role client and one limiter per process; on globalThis so dev reloads reuse them.
const holder = globalThis as typeof globalThis & { atlasWebShared?: Shared };

function shared(): Shared {
  if (!holder.atlasWebShared) {
    const env = serverEnv();
    holder.atlasWebShared = {
      db: createPrismaClient(env.db.appUrl),
      limiter: createRateLimiter({ redisUrl: env.api.REDIS_URL }),
      clock: createClockFromEnv(env.api),
    };
  }
  return holder.atlasWebShared;
}

/** The tRPC context for `session` with the shared resources. */
export function contextFor(session: Session | null) {
  const { db, limiter, clock } = shared();
  return createContextInner({ session, db, clock, limiter });
}

/** The tRPC context of one HTTP request: its session comes from packages/auth. */
export async function createContext(request: Request) {
  return contextFor(await getSession(request));
}
