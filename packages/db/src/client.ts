import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { rejectUndefinedFilters } from "./guards.ts";

export interface ClientOptions {
  /** Pool size; tests use 1 to prove that no setting leaks between queries on one connection. */
  max?: number;
  /**
   * How long a transaction waits for a pooled connection before Prisma gives up (P2028, which the
   * API answers with 503 and Retry-After). Longer than Prisma's 2 s: under load calls queue.
   */
  transactionMaxWaitMs?: number;
}

/** docs/architecture.md "Request flow": an overloaded server answers slower first, 503 after this. */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

/** A Prisma client on `url`; which role it connects as decides what row-level security lets through. */
export function createPrismaClient(url: string, options: ClientOptions = {}) {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: options.transactionMaxWaitMs ?? TRANSACTION_MAX_WAIT_MS },
  }).$extends(rejectUndefinedFilters);
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export * from "../generated/prisma/enums.ts";
