import "server-only";
import {
  createClockFromEnv,
  createContextInner,
  createRateLimiter,
  type CreateContextOptions,
  type RateLimiters,
} from "@atlas/api";
import { plannerFromEnv, type Planner } from "@atlas/ai";
import { getSession, type Session } from "@atlas/auth";
import { invitationDeliveryFromEnv } from "@atlas/auth/clerk-invitations";
import { createPrismaClient, type Db, type EventSource } from "@atlas/db";
import { deliveryEventOf } from "@atlas/jobs/notifications";
import { send } from "@atlas/jobs/send";
import type { NotifyDeps } from "@atlas/notify";
import { createInboxBus, type InboxBus } from "@atlas/notify/inbox-bus";
import type { BaseEnv } from "./env.ts";

interface Shared {
  db: Db;
  limiter: RateLimiters;
  clock: ReturnType<typeof createClockFromEnv>;
  /** Clerk's organization invitations when the app signs in with Clerk; else none. */
  invitationDelivery: ReturnType<typeof invitationDeliveryFromEnv>;
  /** The AI planner: the configured model with the local planner as fallback, else local only. */
  planner: Planner;
  /** The live inbox's wake-ups: Redis pub/sub with REDIS_URL, else in process. */
  inboxBus: InboxBus;
  /** The VAPID public key browsers subscribe with; null: push is off. */
  vapidPublicKey: string | null;
}

/**
 * notify()'s deliveries go to the delivery job (docs/architecture.md "Jobs" → "Notifications"):
 * Inngest in production, this process's local runner in embedded mode (e-mail to the outbox).
 */
const scheduleDelivery: NotifyDeps["schedule"] = async (request) => {
  // The notification is stored already: a failed hand-off leaves its deliveries queued, never
  // fails the caller's request.
  await send("atlas/notify.deliver", deliveryEventOf(request)).catch((error: unknown) => {
    console.error("[notify] could not schedule delivery", { ...request, error });
  });
};

// One app-role client and one limiter per process; on globalThis so dev reloads reuse them.
const holder = globalThis as typeof globalThis & { atlasShared?: Shared };

/** The app's tRPC contexts, over the resources its configuration (`env`) describes. */
export function createContextFactory({
  env,
  source,
  onMemberJoined,
  billing,
  pushPublicKey,
}: {
  env: () => Pick<BaseEnv, "db" | "api" | "ai">;
  /** The app's name in the execution log's `source` (web, admin). */
  source: EventSource;
  /** Told after someone joined a workspace (the web app queues the seat sync). */
  onMemberJoined?: (workspaceId: string) => void;
  /** Stripe for the billing procedures (the web app); unset or null: billing off. */
  billing?: () => CreateContextOptions["billing"];
  /** The VAPID public key of web push (the web app); unset or null: push off. */
  pushPublicKey?: () => string | null;
}) {
  function shared(): Shared {
    if (!holder.atlasShared) {
      const { db, api, ai } = env();
      holder.atlasShared = {
        db: createPrismaClient(db.appUrl),
        limiter: createRateLimiter({ redisUrl: api.REDIS_URL }),
        clock: createClockFromEnv(api),
        invitationDelivery: invitationDeliveryFromEnv(),
        planner: plannerFromEnv(ai),
        inboxBus: createInboxBus({ redisUrl: api.REDIS_URL }),
        vapidPublicKey: pushPublicKey?.() ?? null,
      };
    }
    return holder.atlasShared;
  }

  /** The tRPC context for `session` with the shared resources. */
  function contextFor(session: Session | null) {
    const { db, limiter, clock, invitationDelivery, planner, inboxBus, vapidPublicKey } = shared();
    return createContextInner({
      session,
      db,
      clock,
      limiter,
      source,
      invitationDelivery,
      planner,
      onMemberJoined,
      billing: billing?.() ?? null,
      inboxBus,
      scheduleDelivery,
      pushPublicKey: vapidPublicKey,
    });
  }

  /** The tRPC context of one HTTP request: its session comes from packages/auth. */
  async function createContext(request: Request) {
    return contextFor(await getSession(request));
  }

  return { contextFor, createContext };
}
