import type { TenantTx as Tx } from "@atlas/db";

/**
 * A lock on a name for the rest of the transaction. `item:<id>` serialises everything that writes
 * one habit or task (its log: skip allowance, "done once", skip versus done; its edits: one
 * version per day; archiving); `goal:<id>` the writers of a goal's milestone order;
 * `billing:<workspace id>` a workspace's billing (services/billing/subscription.ts), on the
 * bypass client's transaction.
 */
export async function lockName(tx: Pick<Tx, "$executeRaw">, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`atlas:${name}`}, 0))`;
}
