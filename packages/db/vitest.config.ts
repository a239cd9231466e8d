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
          globalSetup: ["src/testing/global-setup.ts"],
          ...timeouts,
        },
      },
    ],
  },
});
