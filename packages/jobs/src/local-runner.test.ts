/** In-process delivery: runs with the same key queue (Inngest's concurrency key), others overlap. */
import { systemClock } from "@atlas/time";
import { describe, expect, it, vi } from "vitest";
import type { JobDeps } from "./deps.ts";
import { createLocalRunner, defaultHandlers, type Handlers } from "./local-runner.ts";

const deps = {
  appDb: () => undefined,
  bypassDb: () => undefined,
  clock: systemClock,
} as unknown as JobDeps;

describe("createLocalRunner", () => {
  it("runs one workspace's day closes one at a time, different workspaces in parallel", async () => {
    const order: string[] = [];
    let running = 0;
    let maxPerKey = 0;
    const perKey = new Map<string, number>();
    const handlers: Handlers = {
      ...defaultHandlers,
      "atlas/day-close.requested": {
        key: (data) => data.workspaceId,
        run: async (_deps, { workspaceId }) => {
          const n = (perKey.get(workspaceId) ?? 0) + 1;
          perKey.set(workspaceId, n);
          maxPerKey = Math.max(maxPerKey, n);
          running++;
          order.push(`start ${workspaceId}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`end ${workspaceId}`);
          running--;
          perKey.set(workspaceId, n - 1);
        },
      },
    };
    const runner = createLocalRunner(deps, { info: vi.fn(), error: vi.fn() }, handlers);
    runner.dispatch("atlas/day-close.requested", { workspaceId: "a" });
    runner.dispatch("atlas/day-close.requested", { workspaceId: "a" });
    runner.dispatch("atlas/day-close.requested", { workspaceId: "b" });
    await runner.idle();
    expect(maxPerKey).toBe(1);
    expect(running).toBe(0);
    expect(order.filter((e) => e.endsWith(" a"))).toEqual(["start a", "end a", "start a", "end a"]);
    // b did not wait for a.
    expect(order.indexOf("start b")).toBeLessThan(order.indexOf("end a"));
  });

  it("logs a failed run and keeps serving the key", async () => {
    const error = vi.fn();
    let calls = 0;
    const handlers: Handlers = {
      ...defaultHandlers,
      "atlas/day-close.requested": {
        key: (data) => data.workspaceId,
        run: async () => {
          if (++calls === 1) throw new Error("boom");
          return "ok";
        },
      },
    };
    const runner = createLocalRunner(deps, { info: vi.fn(), error }, handlers);
    runner.dispatch("atlas/day-close.requested", { workspaceId: "a" });
    runner.dispatch("atlas/day-close.requested", { workspaceId: "a" });
    await runner.idle();
    expect(calls).toBe(2);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
