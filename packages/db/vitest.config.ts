import { timeouts } from "@atlas/test-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
          ...timeouts,
        },
      },
      {
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          // The seeded template the tenancy suite clones. @atlas/seed depends on this package, so
          // the setup is named by path: a test-time link only, no package dependency.
          globalSetup: ["../seed/src/testing/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
