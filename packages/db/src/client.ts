import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

/**
 * How long an interactive transaction may run once it has its connection. Prisma's default (5 s)
 * ended service calls that were merely slow on a loaded machine (a CI run beside builds expired an
 * AI decision's transaction at 5.5 s): a safety net against a stuck transaction, not a budget.
 */
export const TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * The pool under each client, and how long a plain read waits for one of its connections. Kept on
 * globalThis: a Next.js build may bundle this module more than once in one process (a route and a
 * server component), and each copy must find the pools the others made.
 */
const pools: WeakMap<object, { pool: pg.Pool; maxWaitMs: number }> = ((
  globalThis as { [key: symbol]: unknown }
)[Symbol.for("atlas.db.pools")] ??= new WeakMap()) as WeakMap<
  object,
  { pool: pg.Pool; maxWaitMs: number }
>;

/** A Prisma client on `url`; which role it connects as decides what row-level security lets through. */
export function createPrismaClient(url: string, options: ClientOptions = {}) {
  const maxWaitMs = options.transactionMaxWaitMs ?? TRANSACTION_MAX_WAIT_MS;
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that dies (a restart, a terminated backend) just leaves the pool; without a
  // listener its error would end the process before Prisma's adapter adds its own.
  pool.on("error", () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: maxWaitMs, timeout: TRANSACTION_TIMEOUT_MS },
  }).$extends(rejectUndefinedFilters);
  pools.set(client, { pool, maxWaitMs });
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export * from "../generated/prisma/enums.ts";

/**
 * No pooled connection came free within the client's maxWait: the server is overloaded, not
 * broken (the API answers 503 with Retry-After, as for Prisma's P2028).
 */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
  constructor() {
    super("No database connection came free in time.");
  }
}

/**
 * Runs ONE parameterized statement on `db`'s own pool, outside Prisma: no transaction, no
 * set_config, none of Prisma's per-query work. Only for the SECURITY DEFINER access functions
 * (access.ts), which take their scope as arguments. Waits for a connection as long as a
 * transaction would, then throws DatabaseBusyError.
 */
export async function plainQuery<Row>(db: Db, text: string, values: unknown[]): Promise<Row[]> {
  const entry = pools.get(db);
  if (entry === undefined) throw new Error("plainQuery needs a client made by createPrismaClient");
  const connecting = entry.pool.connect();
  let timer: NodeJS.Timeout | undefined;
  let connection: pg.PoolClient;
  try {
    connection = await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseBusyError()), entry.maxWaitMs);
      }),
    ]);
  } catch (error) {
    // The request stays queued in the pool: hand its connection back whenever it comes.
    connecting.then(
      (late) => late.release(),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
  try {
    return (await connection.query(text, values)).rows as Row[];
  } finally {
    connection.release();
  }
}
