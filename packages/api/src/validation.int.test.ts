/**
 * Bad input is a BAD_REQUEST carrying zod's issues, never a 500, and nothing stored changes.
 */
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import { HOUR_A_DAY } from "./testing/plans.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Everything any of these calls could touch, read through the admin connection. */
async function storedState() {
  const [workspaces, memberships, timeSettings] = await Promise.all([
    h.admin.workspace.findMany({ orderBy: { id: "asc" } }),
    h.admin.membership.findMany({ orderBy: [{ workspaceId: "asc" }, { userId: "asc" }] }),
    h.admin.userTimeSetting.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { workspaces, memberships, timeSettings };
}

// [what, the call, the field zod names (or null for a form-level error)]
const cases: [string, () => Promise<unknown>, string | null][] = [
  [
    "window above 60",
    () => h.as("owner").workspace.settings.update({ lateEntryWindowDays: 61 }),
    "lateEntryWindowDays",
  ],
  [
    "negative window",
    () => h.as("owner").workspace.settings.update({ lateEntryWindowDays: -1 }),
    "lateEntryWindowDays",
  ],
  [
    "fractional window",
    () => h.as("owner").workspace.settings.update({ lateEntryWindowDays: 2.5 }),
    "lateEntryWindowDays",
  ],
  [
    "threshold above 1",
    () => h.as("owner").workspace.settings.update({ aiAcceptanceThreshold: 1.01 }),
    "aiAcceptanceThreshold",
  ],
  [
    "threshold with 4 decimals",
    () => h.as("owner").workspace.settings.update({ aiAcceptanceThreshold: 0.1234 }),
    "aiAcceptanceThreshold",
  ],
  [
    "unknown zone",
    () => h.as("owner").workspace.settings.update({ defaultTimeZone: "Mars/Olympus_Mons" }),
    "defaultTimeZone",
  ],
  [
    "offset instead of a zone",
    () => h.as("owner").workspace.settings.update({ defaultTimeZone: "+05:00" }),
    "defaultTimeZone",
  ],
  [
    "string for a boolean",
    () => h.as("owner").workspace.settings.update({ sharesProgress: "yes" as unknown as boolean }),
    "sharesProgress",
  ],
  ["nothing to update", () => h.as("owner").workspace.settings.update({}), null],
  [
    "my zone unknown",
    () => h.as("nora").me.settings.update({ timeZone: "Europe/Atlantis" }),
    "timeZone",
  ],
  [
    "day start above 720",
    () => h.as("nora").me.settings.update({ dayStartMinutes: 721 }),
    "dayStartMinutes",
  ],
  [
    "day start fractional",
    () => h.as("nora").me.settings.update({ dayStartMinutes: 30.5 }),
    "dayStartMinutes",
  ],
  ["my settings empty", () => h.as("nora").me.settings.update({}), null],
  [
    "capacity above 1440",
    () => h.as("nora").membership.capacity.update({ ...HOUR_A_DAY, friMinutes: 1441 }),
    "friMinutes",
  ],
  [
    "negative capacity",
    () => h.as("nora").membership.capacity.update({ ...HOUR_A_DAY, monMinutes: -1 }),
    "monMinutes",
  ],
  [
    "a missing weekday",
    () => {
      const { sunMinutes: _, ...six } = HOUR_A_DAY;
      return h.as("nora").membership.capacity.update(six as typeof HOUR_A_DAY);
    },
    "sunMinutes",
  ],
  [
    "a workspace id that is not a string",
    () => h.as("nora").workspace.current({ workspaceId: 42 as unknown as string }),
    "workspaceId",
  ],
];

describe("invalid input", () => {
  it.each(cases)(
    "%s: BAD_REQUEST with zod's issues, nothing stored changes",
    async (_what, call, field) => {
      const before = await storedState();
      const error = await rejectionOf(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      const issues = (error.cause as ZodError).issues;
      expect(issues.length).toBeGreaterThan(0);
      if (field !== null) expect(issues.map((i) => i.path[0])).toContain(field);
      expect(await storedState()).toEqual(before);
    },
  );

  it("a member's invalid settings update is refused for the role before the input is read", async () => {
    const error = await rejectionOf(
      h.as("nora").workspace.settings.update({ lateEntryWindowDays: 99 }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
