import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma, type Db } from "./client.ts";

/** Who a request acts for: row-level security reads both through `app.*` settings. */
export interface TenantScope {
  workspaceId: string | null;
  userId: string | null;
}

/** Marks "inside this scope's own transaction", where operations already run after set_config. */
const openTransaction = new AsyncLocalStorage<TenantScope>();

function setScope(scope: TenantScope) {
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
export function createTenantDb(base: Db, scope: TenantScope) {
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

export type TenantDb = ReturnType<typeof createTenantDb>;

/** The client inside one of the tenant client's own interactive transactions. */
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];
