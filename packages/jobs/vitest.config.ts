import { fileURLToPath } from "node:url";
import { timeouts } from "@atlas/test-config";
import { defineConfig } from "vitest/config";

// The integration suites share @atlas/seed's global setup: one migrated and seeded template per run.
const seededTemplate = fileURLToPath(
  new URL("../seed/src/testing/global-setup.ts", import.meta.url),
);

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
          globalSetup: [seededTemplate],
          ...timeouts,
        },
      },
    ],
  },
});
