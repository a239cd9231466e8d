import { describe, expect, it } from "vitest";
import { migrationsUpToDate, type AppliedMigration } from "./migrations.ts";

const at = new Date("2026-01-01T00:00:00Z");
const done = (name: string): AppliedMigration => ({
  migration_name: name,
  finished_at: at,
  rolled_back_at: null,
});
const failed = (name: string): AppliedMigration => ({
  migration_name: name,
  finished_at: null,
  rolled_back_at: null,
});
const rolledBack = (name: string): AppliedMigration => ({
  migration_name: name,
  finished_at: null,
  rolled_back_at: at,
});

describe("migrationsUpToDate", () => {
  it.each([
    ["every folder finished", ["a", "b"], [done("a"), done("b")], true],
    ["nothing applied yet", ["a"], [], false],
    ["a new folder", ["a", "b"], [done("a")], false],
    ["a failed migration", ["a", "b"], [done("a"), done("b"), failed("c")], false],
    ["a failed attempt, then rolled back and redone", ["a"], [rolledBack("a"), done("a")], true],
    ["only a rolled-back attempt", ["a"], [rolledBack("a")], false],
    ["an applied migration whose folder is gone", ["a"], [done("a"), done("old")], true],
  ] as const)("%s → %s", (_case, folders, applied, expected) => {
    expect(migrationsUpToDate(folders, applied)).toBe(expected);
  });
});
