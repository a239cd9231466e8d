export { createPrismaClient, Prisma, type Db } from "./client.ts";
export * from "../generated/prisma/enums.ts";
export { createTenantDb, type TenantDb, type TenantScope, type TenantTx } from "./tenant.ts";
export {
  AtlasConfigError,
  atlasMode,
  databaseUrls,
  type AtlasMode,
  type DatabaseUrls,
} from "./env.ts";
