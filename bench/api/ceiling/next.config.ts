import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const monorepoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** The ceiling: Next's defaults, rooted at the monorepo like apps/web (one lockfile, one root). */
export default {
  turbopack: { root: monorepoRoot },
  outputFileTracingRoot: monorepoRoot,
  poweredByHeader: false,
} satisfies NextConfig;
