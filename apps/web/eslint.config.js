import base from "@atlas/eslint-config/base";

export default [
  ...base,
  { ignores: ["next-env.d.ts"] },
  {
    // Embedded mode's e-mail outbox spans workspaces: the audited bypass client (404 outside
    // embedded and test mode). Mirrors packages/db/src/bypass-imports.test.ts.
    files: ["app/dev/outbox/**"],
    rules: { "no-restricted-imports": "off" },
  },
];
