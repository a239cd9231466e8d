import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The property tests run 1,000 histories; a busy CI machine must not fail them on time.
    testTimeout: 60_000,
  },
});
