import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaries, { bypassClient } from "./boundaries.js";

/** The shared lint rules for every TypeScript package. */
export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "**/generated/**",
      "**/*.config.*",
      // Playwright's outputs after a failed journey (its HTML report bundles the trace viewer).
      "**/playwright-report/**",
      "**/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": ["error", { paths: [bypassClient] }],
    },
  },
  ...boundaries,
);
