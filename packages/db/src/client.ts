import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { rejectUndefinedFilters } from "./guards.ts";

export interface ClientOptions {
  /** Pool size; tests use 1 to prove that no setting leaks between queries on one connection. */
  max?: number;
}

/** A Prisma client on `url`; which role it connects as decides what row-level security lets through. */
export function createPrismaClient(url: string, options: ClientOptions = {}) {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({ adapter }).$extends(rejectUndefinedFilters);
}

export type Db = ReturnType<typeof createPrismaClient>;
export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export * from "../generated/prisma/enums.ts";
