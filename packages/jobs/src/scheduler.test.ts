/**
 * The embedded scheduler on a fake clock: nothing before the hour, then one day-close event per
 * workspace (the same fan-out as the Inngest cron), every hour, until stopped; at half past, one
 * week-summary event per workspace whose Monday morning has come.
 */
import type { BillingDeps } from "@atlas/billing";
import type { Db } from "@atlas/db";
import { systemClock } from "@atlas/time";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobDeps } from "./deps.ts";
import type { LocalRunner } from "./local-runner.ts";
import { startEmbeddedScheduler } from "./scheduler.ts";

function fakeDeps(workspaceIds: string[], timeZones: Record<string, string> = {}) {
  const audit = vi.fn(async () => ({}));
  const bypass = {
    auditLog: { create: audit },
    workspace: {
      findMany: vi.fn(async () =>
        workspaceIds.map((id) => ({ id, defaultTimeZone: timeZones[id] ?? "UTC" })),
      ),
    },
    workspaceWeekSummary: { findMany: vi.fn(async () => []) },
  } as unknown as Db;
  const deps: JobDeps = {
    appDb: () => {
      throw new Error("the scheduler itself never uses the app client");
    },
    bypassDb: () => bypass,
    clock: systemClock,
    planner: () => {
      throw new Error("the scheduler itself never plans");
    },
  };
  return { deps, audit };
}

function fakeRunner() {
  const dispatch = vi.fn();
  const runner: LocalRunner = { dispatch, idle: async () => undefined };
  return { runner, dispatch };
}

const log = { info: vi.fn(), error: vi.fn() };

describe("startEmbeddedScheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-10T10:59:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fans out one day-close event per workspace on the hour, every hour", async () => {
    const { deps, audit } = fakeDeps(["w1", "w2"]);
    const { runner, dispatch } = fakeRunner();
    const stop = startEmbeddedScheduler({ log, deps, runner, catchUpOnStart: false });

    await vi.advanceTimersByTimeAsync(59_000);
    expect(dispatch).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1_000); // 11:00:00
    await stop.idle();
    expect(dispatch.mock.calls).toEqual([
      ["atlas/day-close.requested", { workspaceId: "w1" }],
      ["atlas/day-close.requested", { workspaceId: "w2" }],
    ]);
    // The workspace listing goes through the audited bypass client.
    expect(audit).toHaveBeenCalledTimes(1);

    const dayCloses = () =>
      dispatch.mock.calls.filter(([name]) => name === "atlas/day-close.requested").length;
    await vi.advanceTimersByTimeAsync(3_600_000); // 12:00:00
    await stop.idle();
    expect(dayCloses()).toBe(4);

    await stop();
    const calls = dispatch.mock.calls.length;
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(dispatch).toHaveBeenCalledTimes(calls);
  });

  it("fans out the weekly summary at half past to workspaces whose Monday 06:00 has come", async () => {
    vi.setSystemTime(new Date("2026-03-09T10:29:00.000Z")); // a Monday
    const { deps } = fakeDeps(["w1", "w2"], { w2: "Pacific/Honolulu" }); // 00:29 there
    const { runner, dispatch } = fakeRunner();
    const stop = startEmbeddedScheduler({ log, deps, runner, catchUpOnStart: false });
    await vi.advanceTimersByTimeAsync(60_000); // 10:30:00
    await stop.idle();
    expect(dispatch.mock.calls).toEqual([
      ["atlas/week-summary.requested", { workspaceId: "w1", weekStart: "2026-03-02" }],
    ]);
    await stop();
  });

  it("fans out the billing reconcile nightly at 03:20, never as a catch-up at start", async () => {
    vi.setSystemTime(new Date("2026-03-10T03:19:00.000Z"));
    const { deps } = fakeDeps([]);
    const bypass = {
      auditLog: { create: vi.fn(async () => ({})) },
      subscription: { findMany: vi.fn(async () => [{ workspaceId: "w1" }, { workspaceId: "w2" }]) },
    } as unknown as Db;
    const billing = { ...deps, billing: () => ({ bypassDb: bypass }) as unknown as BillingDeps };
    const { runner, dispatch } = fakeRunner();
    const stop = startEmbeddedScheduler({ log, deps: billing, runner });
    await stop.idle();
    const reconciles = () =>
      dispatch.mock.calls.filter(([name]) => name === "atlas/billing.reconcile.requested");
    expect(reconciles()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000); // 03:20:00
    await stop.idle();
    expect(reconciles()).toEqual([
      ["atlas/billing.reconcile.requested", { workspaceId: "w1" }],
      ["atlas/billing.reconcile.requested", { workspaceId: "w2" }],
    ]);
    await stop();
  });

  it("catches up at start when asked (the default)", async () => {
    const { deps } = fakeDeps(["w1"]);
    const { runner, dispatch } = fakeRunner();
    const stop = startEmbeddedScheduler({ log, deps, runner });
    await stop.idle();
    expect(dispatch).toHaveBeenCalledWith("atlas/day-close.requested", { workspaceId: "w1" });
    await stop();
  });

  it("logs a failed tick and keeps going", async () => {
    const { deps } = fakeDeps([]);
    const failing: JobDeps = {
      ...deps,
      bypassDb: () => {
        throw new Error("database down");
      },
    };
    const { runner } = fakeRunner();
    const errors = vi.fn();
    const stop = startEmbeddedScheduler({
      log: { info: vi.fn(), error: errors },
      deps: failing,
      runner,
      catchUpOnStart: false,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await stop.idle();
    expect(errors).toHaveBeenCalledWith("day-close-cron failed", expect.anything());
    await stop();
  });
});
