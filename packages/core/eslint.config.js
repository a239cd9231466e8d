import base from "@atlas/eslint-config/base";

export default [
  ...base,
  {
    // Members, roles, invitations and erasure: writes the app role may not make, checked here and audited.
    // Mirrors packages/db/src/bypass-imports.test.ts.
    files: [
      "src/services/workspaces/memberships.ts",
      "src/services/workspaces/invitations.ts",
      "src/services/workspaces/erasure.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Platform admin: tenants and the platform audit, read by staff who belong to no workspace
    // (docs/architecture.md "Platform admin"). Mirrors packages/db/src/bypass-imports.test.ts.
    files: ["src/services/platform/tenants.ts", "src/services/platform/audit-log.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];
