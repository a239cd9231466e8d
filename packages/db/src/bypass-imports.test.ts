import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@atlas/config";

/** Where the bypass client may be used (docs/architecture.md "Tenancy"). */
const ALLOWED = [
  /^packages\/db\//,
  /^packages\/jobs\//,
  // billing: the Subscription row and the entitlement snapshot are the bypass role's alone
  /^packages\/billing\/src\//,
  /^packages\/auth\/src\/(webhooks?|dev)\//,
  /^packages\/api\/src\/platform\//,
  /^apps\/(web|admin)\/app\/api\/webhooks\//,
  // embedded mode's e-mail outbox (every workspace's mail; 404 outside embedded and test mode)
  /^apps\/web\/app\/dev\/outbox\//,
  // members, roles, invitations and erasure: owner/admin-checked, audited writes the app role may not make
  /^packages\/core\/src\/services\/workspaces\/(memberships|invitations|erasure)\.ts$/,
  // platform admin: the tenants list and the platform audit (staff belong to no workspace)
  /^packages\/core\/src\/services\/platform\/(tenants|audit-log)\.ts$/,
];

describe("the bypass client", () => {
  it("is imported only by jobs, webhooks, platform-admin code and the membership services", () => {
    const root = repoRoot();
    const files = execFileSync(
      "git",
      ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx"],
      {
        cwd: root,
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter(Boolean);
    const offenders = files.filter(
      (file) =>
        !ALLOWED.some((pattern) => pattern.test(file)) &&
        existsSync(join(root, file)) && // a tracked file deleted in the working tree
        /from\s+["']@atlas\/db\/bypass["']/.test(readFileSync(join(root, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
