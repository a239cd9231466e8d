import { timeouts } from "@atlas/test-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    ...timeouts,
  },
});
