export { createPrismaClient, DatabaseBusyError, Prisma, type Db } from "./client.ts";
export * from "../generated/prisma/enums.ts";
export {
  createConsoleDb,
  createTenantDb,
  type TenantDb,
  type TenantScope,
  type TenantTx,
} from "./tenant.ts";
export {
  consoleContext,
  memberContext,
  type CoachedWorkspace,
  type ConsoleContext,
  type MembershipContext,
  type MemberWorkspace,
} from "./access.ts";
export { databaseUrls, type DatabaseUrls } from "./env.ts";
