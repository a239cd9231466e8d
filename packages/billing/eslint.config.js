import base from "@atlas/eslint-config/base";

export default [
  ...base,
  {
    // The audited bypass client: billing alone writes the Subscription row and the entitlement
    // snapshot (webhooks, syncs, the reconcile). Mirrors packages/db/src/bypass-imports.test.ts.
    files: ["src/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];
