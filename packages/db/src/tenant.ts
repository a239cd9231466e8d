import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma, type Db } from "./client.ts";

/** Who a request acts for: row-level security reads both through `app.*` settings. */
export interface TenantScope {
  workspaceId: string | null;
  userId: string | null;
  /**
   * The admin console's reach: the transaction runs as the read-only role atlas_console, which
   * sees every workspace the user owns, administers or coaches, or holds an active support grant
   * for (docs/architecture.md "Console reach"). Only with no workspace bound.
   */
  console?: boolean;
}

/** Marks "inside this scope's own transaction", where operations already run after set_config. */
const openTransaction = new AsyncLocalStorage<TenantScope>();

function setScope(scope: TenantScope) {
  if (scope.console) {
    return Prisma.sql`SELECT set_config('app.workspace_id', '', true),
                             set_config('app.user_id', ${scope.userId ?? ""}, true),
                             set_config('role', 'atlas_console', true)`;
  }
  return Prisma.sql`SELECT set_config('app.workspace_id', ${scope.workspaceId ?? ""}, true),
                           set_config('app.user_id', ${scope.userId ?? ""}, true)`;
}

/**
 * A client bound to one workspace and user. Settings are transaction-local, so:
 * - a single operation runs as the batch [set_config, operation];
 * - `$transaction(fn)` opens the transaction itself, sets the scope once, then hands `tx` over;
 * - `$transaction([...])` runs set_config first in the same batch.
 * Prefer one `$transaction(fn)` per service call: one set_config instead of one per query.
 */
function buildTenantDb(base: Db, scope: TenantScope) {
  if (scope.console && scope.workspaceId) {
    throw new Error("The console's reach binds no workspace: use a workspace client to act in one");
  }
  const scoped = base.$extends({
    name: "tenant-scope",
    query: {
      async $allOperations({ args, query }) {
        if (openTransaction.getStore() === scope) return query(args);
        const [, result] = await base.$transaction([
          base.$executeRaw(setScope(scope)),
          query(args),
        ]);
        return result;
      },
    },
  });

  const transaction = ((input: unknown, options?: unknown) => {
    if (typeof input === "function") {
      return scoped.$transaction(
        (tx) =>
          openTransaction.run(scope, async () => {
            await tx.$executeRaw(setScope(scope));
            return (input as (t: typeof tx) => Promise<unknown>)(tx);
          }),
        options as Parameters<typeof scoped.$transaction>[1],
      );
    }
    return openTransaction.run(scope, async () => {
      const results = await scoped.$transaction(
        [scoped.$executeRaw(setScope(scope)), ...(input as Prisma.PrismaPromise<unknown>[])],
        options as { isolationLevel?: Prisma.TransactionIsolationLevel },
      );
      return results.slice(1);
    });
  }) as typeof scoped.$transaction;

  return scoped.$extends({ name: "tenant-transactions", client: { $transaction: transaction } });
}

export type TenantDb = ReturnType<typeof buildTenantDb>;

/** How many scopes each base client keeps a built tenant client for (least recently used go). */
const CACHED_SCOPES = 1000;

const built = new WeakMap<Db, Map<string, TenantDb>>();

/**
 * The tenant client of `scope` on `base` (see buildTenantDb). Building one ($extends twice) and
 * warming its model proxies costs far more than a query, so each (base, workspace, user) is built
 * once per process and reused; the client closes over its own scope, so reuse cannot mix tenants.
 */
export function createTenantDb(base: Db, scope: TenantScope): TenantDb {
  let byScope = built.get(base);
  if (!byScope) built.set(base, (byScope = new Map()));
  const key = JSON.stringify([scope.workspaceId, scope.userId, scope.console === true]);
  const cached = byScope.get(key);
  if (cached) {
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    byScope.delete(key);
    byScope.set(key, cached);
    return cached;
  }
  const client = buildTenantDb(base, {
    workspaceId: scope.workspaceId,
    userId: scope.userId,
    console: scope.console === true,
  });
  byScope.set(key, client);
  if (byScope.size > CACHED_SCOPES) byScope.delete(byScope.keys().next().value!);
  return client;
}

/**
 * The admin console's read-only client for `userId`: every workspace the user owns, administers
 * or coaches, and any an active support grant opens to them; writes are refused by the database.
 */
export function createConsoleDb(base: Db, userId: string): TenantDb {
  return createTenantDb(base, { workspaceId: null, userId, console: true });
}

/** The client inside one of the tenant client's own interactive transactions. */
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];
