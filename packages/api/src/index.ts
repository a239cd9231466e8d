/**
 * @atlas/api: the tRPC routers both apps serve, their context and their types.
 * Apps import from here; route handlers wrap `createContextInner` with the request's session.
 */
import type { inferRouterOutputs } from "@trpc/server";
import { adminRouter, type AdminRouter } from "./admin-router.ts";
import { appRouter, type AppRouter } from "./app-router.ts";
import { createCallerFactory } from "./trpc.ts";

export { appRouter, type AppRouter, adminRouter, type AdminRouter };
export {
  createCallerFactory,
  createContextInner,
  type Context,
  type CreateContextOptions,
} from "./trpc.ts";
export { AppError, errorFormatter, type AtlasErrorData, type AtlasErrorShape } from "./errors.ts";
export {
  createRateLimiter,
  RATE_LIMIT_BUCKETS,
  type BucketConfig,
  type RateLimitBucket,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimiters,
  type RateLimitResult,
} from "./rate-limit.ts";
export { apiEnv, createClockFromEnv, type ApiEnv } from "./env.ts";
export { PERMISSIONS, can, type CapabilityName, type Role } from "./permissions.ts";

/** Server-side callers (React server components, tests): `createCaller(ctx).workspace.list()`. */
export const createCaller = createCallerFactory(appRouter);
export const createAdminCaller = createCallerFactory(adminRouter);

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type AdminRouterOutputs = inferRouterOutputs<AdminRouter>;
