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
          // The seeded template database every integration suite clones (packages/db).
          globalSetup: ["../db/src/testing/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
