import { defineConfig } from "prisma/config";

// Prisma's env() throws when a variable is unset, which `prisma generate` does not need: read
// process.env. scripts/prisma.ts fills DATABASE_ADMIN_URL in embedded and test mode.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_ADMIN_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
