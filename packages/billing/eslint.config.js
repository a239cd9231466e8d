import base from "@atlas/eslint-config/base";

export default [
  ...base,
  {
    // The audited bypass client: the Stripe webhook records each event once. Mirrors
    // packages/db/src/bypass-imports.test.ts.
    files: ["src/webhooks/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];
