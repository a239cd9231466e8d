import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isSet, read } from "./env.ts";
import { repoRoot } from "./repo-root.ts";

describe("read", () => {
  it.each([
    [{ FOO: "bar" }, "bar"],
    [{ FOO: "  bar \n" }, "bar"],
    [{ FOO: "" }, undefined],
    [{ FOO: "   " }, undefined],
    [{}, undefined],
  ])("%j → %j", (env, value) => {
    expect(read(env, "FOO")).toBe(value);
    expect(isSet(env, "FOO")).toBe(value !== undefined);
  });
});

describe("repoRoot", () => {
  it("is the folder holding pnpm-workspace.yaml and this package", () => {
    const root = repoRoot();
    expect(existsSync(join(root, "pnpm-workspace.yaml"))).toBe(true);
    expect(existsSync(join(root, "packages", "config", "src", "repo-root.ts"))).toBe(true);
  });
});
