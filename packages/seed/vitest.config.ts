import { timeouts } from "@atlas/test-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // seed.int.test.ts builds its own template, seeded at a fixed instant (no global setup).
    include: ["src/**/*.int.test.ts"],
    ...timeouts,
  },
});
