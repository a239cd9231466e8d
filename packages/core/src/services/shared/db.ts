import type { Db, TenantDb } from "@atlas/db";

/** The client inside one of the tenant client's own interactive transactions. */
export type DbTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** The client inside an interactive transaction of a plain client (the bypass client's). */
export type PlainTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
