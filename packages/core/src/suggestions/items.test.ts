/** The preview and the per-item decisions (docs/domain.md "AI suggestions" → "Review, then change"). */
import { toLocalDate as d } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { type AppError } from "../errors.ts";
import {
  DEFAULT_PREFERENCES,
  type WeeklyPlanInput,
  type WeeklyPlanResult,
} from "../planner/types.ts";
import { decideItems, keptResult, previewOf, statusOf, type DecidedItem } from "./items.ts";

const day = (localDate: string, capacityMinutes = 120) => ({
  localDate: d(localDate),
  capacityMinutes,
  committedMinutes: 0,
});
const task = (id: string, plannedDate: string | null, dueDate: string | null = null) => ({
  id,
  title: `Task ${id}`,
  notes: null,
  priority: "medium" as const,
  estimateMinutes: 30,
  plannedDate: plannedDate === null ? null : d(plannedDate),
  dueDate: dueDate === null ? null : d(dueDate),
});

const input: WeeklyPlanInput = {
  job: "weekly_plan",
  days: [
    "2026-12-07",
    "2026-12-08",
    "2026-12-09",
    "2026-12-10",
    "2026-12-11",
    "2026-12-12",
    "2026-12-13",
  ].map((date, i) => day(date, i < 5 ? 120 : 0)),
  tasks: [task("a", null), task("b", "2026-12-08"), task("c", "2026-12-01", "2026-12-01")],
  habits: [{ id: "h", title: "Run", durationMinutes: 20, sessions: 2 }],
  preferences: DEFAULT_PREFERENCES,
};

const placement = (kind: "task" | "habit", id: string, localDate: string, minutes = 30) => ({
  kind,
  id,
  localDate: d(localDate),
  minutes,
  reason: `${localDate}: room`,
});

const result: WeeklyPlanResult = {
  job: "weekly_plan",
  placements: [
    placement("task", "a", "2026-12-07"),
    placement("task", "b", "2026-12-08"),
    placement("task", "c", "2026-12-09"),
    placement("habit", "h", "2026-12-07", 20),
    placement("habit", "h", "2026-12-10", 20),
  ],
  didNotFit: [],
  days: input.days.map((x) => ({ ...x, plannedMinutes: 0, freeMinutes: x.capacityMinutes })),
  rationale: null,
};

describe("previewOf", () => {
  const preview = previewOf(input, result);

  it("makes an item of every task that would move, from its day to the new one, with the reason", () => {
    expect(preview.items.map((i) => i.key)).toEqual(["move:a", "move:c"]);
    expect(preview.items[1]).toEqual({
      key: "move:c",
      reason: "2026-12-09: room",
      action: {
        kind: "move_task",
        taskId: "c",
        title: "Task c",
        from: "2026-12-01",
        to: "2026-12-09",
        minutes: 30,
        dueDate: "2026-12-01",
      },
    });
  });

  it("lists what stays as it is: a task already on its day, the habit sessions", () => {
    expect(preview.unchanged.map((u) => `${u.kind}:${u.id}:${u.localDate}`)).toEqual([
      "task:b:2026-12-08",
      "habit:h:2026-12-07",
      "habit:h:2026-12-10",
    ]);
    expect(preview.unchanged[1]!.title).toBe("Run");
  });
});

describe("decideItems", () => {
  const preview = previewOf(input, result);
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as AppError;
    }
    throw new Error("expected a refusal");
  };

  it.each([
    ["an item left out", [{ key: "move:a", decision: "accept" as const }]],
    [
      "an item twice",
      [
        { key: "move:a", decision: "accept" as const },
        { key: "move:a", decision: "reject" as const },
      ],
    ],
    [
      "an unknown item",
      [
        { key: "move:a", decision: "accept" as const },
        { key: "move:z", decision: "accept" as const },
      ],
    ],
    [
      "an edit of what the kind does not allow",
      [
        { key: "move:a", decision: "accept" as const, edit: { title: "Renamed" } },
        { key: "move:c", decision: "accept" as const },
      ],
    ],
  ])("refuses %s (BAD_REQUEST)", (_what, items) => {
    expect(refusal(() => decideItems(preview, { items })).code).toBe("BAD_REQUEST");
  });

  it("all at once decides every item alike", () => {
    expect(decideItems(preview, { all: "reject" })).toEqual([
      { key: "move:a", decision: "rejected", edit: null },
      { key: "move:c", decision: "rejected", edit: null },
    ]);
  });

  it("an accepted item with an edit is edited; a rejected one drops its edit", () => {
    expect(
      decideItems(preview, {
        items: [
          { key: "move:a", decision: "accept", edit: { localDate: d("2026-12-11") } },
          { key: "move:c", decision: "reject", edit: { localDate: d("2026-12-11") } },
        ],
      }),
    ).toEqual([
      { key: "move:a", decision: "edited", edit: { localDate: "2026-12-11" } },
      { key: "move:c", decision: "rejected", edit: null },
    ]);
  });
});

describe("statusOf", () => {
  const item = (decision: DecidedItem["decision"]): DecidedItem => ({
    key: decision,
    decision,
    edit: null,
  });
  it.each([
    [["accepted", "accepted"], "accepted"],
    [["accepted", "rejected"], "edited"],
    [["edited"], "edited"],
    [["rejected", "rejected"], "rejected"],
    [[], "accepted"],
  ] as const)("%j → %s", (decisions, status) => {
    expect(statusOf(decisions.map(item))).toBe(status);
  });
});

describe("keptResult", () => {
  it("leaves out the rejected, applies the edits and sums the days again", () => {
    const kept = keptResult(input, result, [
      { key: "move:a", decision: "edited", edit: { localDate: d("2026-12-08") } },
      { key: "move:c", decision: "rejected", edit: null },
    ]);
    if (kept.job !== "weekly_plan") throw new Error("job");
    expect(kept.placements.map((p) => `${p.kind}:${p.id}:${p.localDate}`)).toEqual([
      "task:a:2026-12-08",
      "task:b:2026-12-08",
      "habit:h:2026-12-07",
      "habit:h:2026-12-10",
    ]);
    const tuesday = kept.days.find((x) => x.localDate === "2026-12-08")!;
    expect(tuesday).toMatchObject({ plannedMinutes: 60, freeMinutes: 60 });
  });
});
