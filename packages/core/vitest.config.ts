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
          // The seeded template the suites clone. @atlas/seed depends on this package, so the
          // setup is named by path: a test-time link only, no package dependency.
          globalSetup: ["../seed/src/testing/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
