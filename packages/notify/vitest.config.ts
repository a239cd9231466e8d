import { timeouts } from "@atlas/test-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
          ...timeouts,
        },
      },
      {
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts"],
          // The seeded template database every integration suite clones (@atlas/seed).
          globalSetup: ["../seed/src/testing/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
