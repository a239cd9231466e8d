import type { TenantDb } from "@atlas/db";

/** The client inside one of the tenant client's own interactive transactions. */
export type DbTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];
