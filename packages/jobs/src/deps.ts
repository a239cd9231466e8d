/**
 * What the jobs run on: the application role's client (row-level security applies), the admin
 * role's client for the audited bypass, and the server's clock. Created lazily from the mode's
 * configuration, so importing the package connects to nothing; tests pass their own.
 */
import { createPrismaClient, databaseUrls, type Db } from "@atlas/db";
import { systemClock, type Clock } from "@atlas/time";

export interface JobDeps {
  appDb(): Db;
  bypassDb(): Db;
  clock: Clock;
}

let app: Db | undefined;
let admin: Db | undefined;

export const defaultDeps: JobDeps = {
  appDb: () => (app ??= createPrismaClient(databaseUrls().appUrl)),
  bypassDb: () => (admin ??= createPrismaClient(databaseUrls().adminUrl)),
  clock: systemClock,
};
