import { describe, expect, it } from "vitest";
import { can, rolesWith, ROLES, type CapabilityName } from "./permissions.ts";

// The table of docs/domain.md "Permissions", row by row: [capability, member, coach, admin, owner].
const TABLE: [CapabilityName, boolean, boolean, boolean, boolean][] = [
  ["ownPlans", true, true, true, true],
  ["seeOthers", false, true, true, true],
  ["editOthersPlans", false, true, true, true],
  ["lateEntryOverride", false, true, true, true],
  ["approveSuggestions", false, true, true, true],
  ["coachNotes", false, true, true, true],
  ["manageMembers", false, false, true, true],
  ["manageSettings", false, false, true, true],
  ["exportData", false, false, true, true],
  ["seeBilling", false, false, true, true],
  ["billing", false, false, false, true],
  ["deleteWorkspace", false, false, false, true],
  ["supportAccess", false, false, false, true],
  ["adminConsole", false, true, true, true],
];

describe("the permission table", () => {
  it.each(TABLE)("%s: member %s, coach %s, admin %s, owner %s", (capability, ...expected) => {
    expect(ROLES.map((role) => can(capability, { role, sharesProgress: false })).reverse()).toEqual(
      expected,
    );
  });

  it("lets members see each other only when the workspace shares progress", () => {
    expect(can("seeOthers", { role: "member", sharesProgress: true })).toBe(true);
    expect(rolesWith("seeOthers", true)).toEqual(["owner", "admin", "coach", "member"]);
    // sharing changes nothing else
    for (const [capability, member] of TABLE) {
      if (capability !== "seeOthers") {
        expect(can(capability, { role: "member", sharesProgress: true })).toBe(member);
      }
    }
  });
});
