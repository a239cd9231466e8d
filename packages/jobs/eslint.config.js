import base from "@atlas/eslint-config/base";

export default [
  ...base,
  {
    // Jobs may use the audited bypass client (the cron lists every workspace). Mirrors
    // packages/db/src/bypass-imports.test.ts.
    files: ["src/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];
