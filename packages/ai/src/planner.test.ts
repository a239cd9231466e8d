import { addDays, toLocalDate } from "@atlas/time";
import { ZPlannerInput, type PlannerInputOf } from "@atlas/core/planner/index";
import { describe, expect, it } from "vitest";
import { localProvider } from "./local-provider.ts";
import { createPlanner } from "./planner.ts";
import { ProviderError, type PlannerProvider } from "./provider.ts";

const MON = toLocalDate("2026-03-02");
const input = ZPlannerInput.parse({
  job: "deferral",
  today: MON,
  days: [0, 1, 2].map((i) => ({
    localDate: addDays(MON, i),
    capacityMinutes: 60,
    committedMinutes: 0,
  })),
  overdueTasks: [
    {
      id: "t1",
      title: "Tax return",
      notes: null,
      priority: "high",
      estimateMinutes: 45,
      dueDate: null,
      plannedDate: addDays(MON, -2),
    },
  ],
  preferences: {},
}) as PlannerInputOf<"deferral">;
const ctx = { workspaceId: "ws-1" };

const provider = (propose: PlannerProvider["propose"]): PlannerProvider => ({
  name: "test",
  model: "test-model",
  propose,
});

describe("createPlanner", () => {
  it("uses the local planner without a provider, with no fallback reason", async () => {
    const outcome = await createPlanner({ provider: null, timeoutMs: 1000 }).plan(input, ctx);
    expect(outcome).toMatchObject({
      provider: "local",
      model: "atlas-local-planner",
      promptVersion: "local-v1",
      fallbackReason: null,
      usage: { promptTokens: 0, completionTokens: 0, costMicroUsd: 0 },
    });
    expect(outcome.result.placements.map((p) => [p.id, p.localDate])).toEqual([["t1", MON]]);
  });

  it("answers the same through the local provider as without one", async () => {
    const direct = await createPlanner({ provider: null, timeoutMs: 1000 }).plan(input, ctx);
    const via = await createPlanner({ provider: localProvider, timeoutMs: 1000 }).plan(input, ctx);
    expect(via.result).toEqual(direct.result);
    expect(via.fallbackReason).toBeNull();
  });

  it("falls back at the deadline even when the provider ignores the signal", async () => {
    const never = provider(() => new Promise(() => {}));
    const outcome = await createPlanner({ provider: never, timeoutMs: 50 }).plan(input, ctx);
    expect(outcome).toMatchObject({ provider: "local", fallbackReason: "timeout" });
  });

  it("records a provider's failure and what it cost", async () => {
    const failing = provider(async () => {
      throw new ProviderError("refusal", "no", {
        promptTokens: 10,
        completionTokens: 2,
        costMicroUsd: 3,
      });
    });
    const outcome = await createPlanner({ provider: failing, timeoutMs: 1000 }).plan(input, ctx);
    expect(outcome).toMatchObject({
      provider: "local",
      fallbackReason: "refusal",
      fallbackDetail: "no",
      usage: { promptTokens: 10, completionTokens: 2, costMicroUsd: 3 },
    });
  });

  it("falls back when the proposal fails a check, naming the issue", async () => {
    const foreign = provider(async () => ({
      proposal: {
        moves: [{ taskId: "t-other", preferredDates: [], reason: null }],
        rationale: null,
      },
      usage: { promptTokens: 1, completionTokens: 1, costMicroUsd: 1 },
      promptVersion: "deferral/v1",
    }));
    const outcome = await createPlanner({ provider: foreign, timeoutMs: 1000 }).plan(input, ctx);
    expect(outcome.fallbackReason).toBe("check_failed");
    expect(outcome.fallbackDetail).toBe(
      "moves[0].taskId: t-other is not one of the input's overdue tasks",
    );
  });
});
