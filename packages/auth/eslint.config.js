import base from "@atlas/eslint-config/base";

export default [
  ...base,
  {
    // The audited bypass client: the Clerk webhook (the only writer of people and workspaces) and
    // the dev sign-in's user list (embedded/test only). Mirrors packages/db/src/bypass-imports.test.ts.
    files: ["src/webhooks/**/*.ts", "src/dev/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];
