/**
 * A suggestion as the member reviews it (docs/domain.md "AI suggestions" → "Review, then
 * change"): the items that would change their plans, each with a stable key, what it creates or
 * moves and why; what stays as it is; what did not fit. And the decisions on those items: which
 * are accepted as proposed, accepted with an edit, or rejected, and the result the member kept
 * (what the learning loop reads). Pure: services/ai/decide.ts applies the kept items through the
 * plan services.
 */
import { z } from "zod";
import { ZLocalDate, type LocalDate } from "@atlas/time";
import { AppError } from "../errors.ts";
import type {
  PlannedDay,
  PlannerInput,
  PlannerResult,
  ResultOf,
  ZHabitScheduleProposal,
} from "../planner/types.ts";

export type HabitScheduleProposal = z.infer<typeof ZHabitScheduleProposal>;

/** What accepting one item does to the member's plans. */
export type ItemAction =
  | {
      kind: "add_milestone";
      title: string;
      description: string | null;
      targetDate: LocalDate | null;
    }
  | {
      kind: "add_task";
      milestoneKey: string;
      title: string;
      notes: string | null;
      estimateMinutes: number;
      priority: "low" | "medium" | "high";
    }
  | {
      kind: "add_habit";
      milestoneKey: string;
      title: string;
      schedule: HabitScheduleProposal;
      durationMinutes: number;
    }
  | {
      kind: "move_task";
      taskId: string;
      title: string;
      /** Its day now (planned, else due); null: undated. */
      from: LocalDate | null;
      to: LocalDate;
      minutes: number;
      /** Its deadline; one already passed moves with it. */
      dueDate: LocalDate | null;
    }
  | {
      kind: "smaller_step";
      habitId: string;
      title: string;
      durationFrom: number;
      durationTo: number;
      targetFrom: number | null;
      targetTo: number | null;
      unit: string | null;
      untilDate: LocalDate;
      /** Due days to meet to repair a waiting miss. */
      repairDates: LocalDate[];
    };

export interface SuggestionItem {
  /** Stable within the suggestion: decisions name it; with the suggestion's id, its idempotency key. */
  key: string;
  /** Why the item is there, or landed on its day (the fitter's words); null when none is given. */
  reason: string | null;
  action: ItemAction;
}

/** A placement that changes nothing: a task that stays on its day, a habit session. */
export interface UnchangedItem {
  kind: "task" | "habit";
  id: string;
  title: string;
  localDate: LocalDate;
  minutes: number;
  reason: string;
}

export interface NotFittedItem {
  kind: "task" | "habit";
  id: string;
  title: string;
  minutes: number;
  reason: string;
}

export interface Preview {
  items: SuggestionItem[];
  unchanged: UnchangedItem[];
  didNotFit: NotFittedItem[];
  /** The window's days after placement (null for decompose_goal). */
  days: PlannedDay[] | null;
  rationale: string | null;
}

// ── Keys ─────────────────────────────────────────────────────────────────────────────────────

export const itemKey = {
  milestone: (key: string) => `milestone:${key}`,
  task: (key: string) => `task:${key}`,
  habit: (key: string) => `habit:${key}`,
  move: (taskId: string) => `move:${taskId}`,
  step: (habitId: string) => `step:${habitId}`,
};

// ── Preview ──────────────────────────────────────────────────────────────────────────────────

type Named = { id: string; title: string };

function tasksOf(
  input: PlannerInput,
): Map<string, Named & { plannedDate: LocalDate | null; dueDate: LocalDate | null }> {
  const list =
    input.job === "weekly_plan" || input.job === "recovery"
      ? input.tasks
      : input.job === "deferral"
        ? input.overdueTasks
        : [];
  return new Map(list.map((t) => [t.id, t]));
}

function habitsOf(input: PlannerInput): Map<string, Named> {
  return new Map(
    input.job === "weekly_plan" || input.job === "recovery"
      ? input.habits.map((h) => [h.id, h])
      : [],
  );
}

const titleOf = (map: Map<string, Named>, id: string) => map.get(id)?.title ?? "(removed)";

/** Everything the member reviews, from the stored input and result. */
export function previewOf(input: PlannerInput, result: PlannerResult): Preview {
  if (result.job === "decompose_goal") {
    const items: SuggestionItem[] = [];
    for (const m of result.milestones) {
      items.push({
        key: itemKey.milestone(m.key),
        reason: null,
        action: {
          kind: "add_milestone",
          title: m.title,
          description: m.description,
          targetDate: m.targetDate,
        },
      });
      for (const t of m.tasks) {
        items.push({
          key: itemKey.task(t.key),
          reason: null,
          action: {
            kind: "add_task",
            milestoneKey: m.key,
            title: t.title,
            notes: t.notes,
            estimateMinutes: t.estimateMinutes,
            priority: t.priority,
          },
        });
      }
      for (const h of m.habits) {
        items.push({
          key: itemKey.habit(h.key),
          reason: null,
          action: {
            kind: "add_habit",
            milestoneKey: m.key,
            title: h.title,
            schedule: h.schedule,
            durationMinutes: h.durationMinutes,
          },
        });
      }
    }
    return { items, unchanged: [], didNotFit: [], days: null, rationale: result.rationale };
  }

  const tasks = tasksOf(input);
  const habits = habitsOf(input);
  const items: SuggestionItem[] = [];
  const unchanged: UnchangedItem[] = [];
  if (result.job === "recovery") {
    const recoveryHabits = new Map(
      input.job === "recovery" ? input.habits.map((h) => [h.id, h]) : [],
    );
    for (const step of result.habitSteps) {
      const habit = recoveryHabits.get(step.habitId);
      items.push({
        key: itemKey.step(step.habitId),
        reason: step.reason,
        action: {
          kind: "smaller_step",
          habitId: step.habitId,
          title: habit?.title ?? "(removed)",
          durationFrom: habit?.durationMinutes ?? step.durationMinutes,
          durationTo: step.durationMinutes,
          targetFrom: habit?.target?.value ?? null,
          targetTo: step.targetValue,
          unit: habit?.target?.unit ?? null,
          untilDate: step.untilDate,
          repairDates: step.repairDates,
        },
      });
    }
  }
  for (const p of result.placements) {
    if (p.kind === "habit") {
      unchanged.push({ ...p, title: titleOf(habits, p.id) });
      continue;
    }
    const task = tasks.get(p.id);
    const from = task === undefined ? null : (task.plannedDate ?? task.dueDate);
    if (from === p.localDate) {
      unchanged.push({ ...p, title: titleOf(tasks, p.id) });
      continue;
    }
    items.push({
      key: itemKey.move(p.id),
      reason: p.reason,
      action: {
        kind: "move_task",
        taskId: p.id,
        title: titleOf(tasks, p.id),
        from,
        to: p.localDate,
        minutes: p.minutes,
        dueDate: task?.dueDate ?? null,
      },
    });
  }
  return {
    items,
    unchanged,
    didNotFit: result.didNotFit.map((d) => ({
      ...d,
      title: titleOf(d.kind === "task" ? tasks : habits, d.id),
    })),
    days: result.days,
    rationale: result.rationale,
  };
}

// ── Decisions ────────────────────────────────────────────────────────────────────────────────

/** What a member (or a coach reviewing) may change on an item before accepting it. */
export const ZItemEdit = z
  .object({
    title: z.string().trim().min(1).max(200),
    estimateMinutes: z.number().int().min(0).max(10_080),
    priority: z.enum(["low", "medium", "high"]),
    durationMinutes: z.number().int().min(0).max(1440),
    targetValue: z.number().positive().max(1_000_000).nullable(),
    localDate: ZLocalDate,
  })
  .partial()
  .strict();
export type ItemEdit = z.infer<typeof ZItemEdit>;

/** One item's decision as asked: accepted (with an edit: edited) or rejected. */
export const ZItemDecisionInput = z.object({
  key: z.string().min(1).max(200),
  decision: z.enum(["accept", "reject"]),
  edit: ZItemEdit.optional(),
});
export type ItemDecisionInput = z.infer<typeof ZItemDecisionInput>;

export type ItemDecision = "accepted" | "edited" | "rejected";

/** An item's decision as stored. */
export interface DecidedItem {
  key: string;
  decision: ItemDecision;
  edit: ItemEdit | null;
}

/** The fields each kind of item lets an edit change. */
const EDITABLE: Readonly<Record<ItemAction["kind"], readonly (keyof ItemEdit)[]>> = {
  add_milestone: ["title"],
  add_task: ["title", "estimateMinutes", "priority"],
  add_habit: ["title", "durationMinutes"],
  move_task: ["localDate"],
  smaller_step: ["durationMinutes", "targetValue"],
};

/**
 * Every item decided once: `all` decides every item alike; a list must name each item exactly
 * once, and an edit may change only what its kind allows (BAD_REQUEST otherwise).
 */
export function decideItems(
  preview: Preview,
  request: { all: "accept" | "reject" } | { items: readonly ItemDecisionInput[] },
): DecidedItem[] {
  if ("all" in request) {
    const decision = request.all === "accept" ? "accepted" : "rejected";
    return preview.items.map((item) => ({ key: item.key, decision, edit: null }));
  }
  const byKey = new Map(preview.items.map((item) => [item.key, item]));
  const named = new Set(request.items.map((d) => d.key));
  if (named.size !== request.items.length || named.size !== byKey.size) {
    throw new AppError(
      "BAD_REQUEST",
      "Decide every item of this suggestion exactly once (or all at once).",
    );
  }
  return request.items.map((d) => {
    const item = byKey.get(d.key);
    if (item === undefined) {
      throw new AppError("BAD_REQUEST", `This suggestion has no item "${d.key}".`, {
        key: d.key,
      });
    }
    const fields = Object.keys(d.edit ?? {}) as (keyof ItemEdit)[];
    const refused = fields.filter((f) => !EDITABLE[item.action.kind].includes(f));
    if (refused.length > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `An edit of "${d.key}" may change only ${EDITABLE[item.action.kind].join(", ")}.`,
        { key: d.key, fields: refused },
      );
    }
    if (d.decision === "reject") return { key: d.key, decision: "rejected", edit: null };
    return fields.length === 0
      ? { key: d.key, decision: "accepted", edit: null }
      : { key: d.key, decision: "edited", edit: d.edit! };
  });
}

/** The suggestion's status from its items: all rejected, all as proposed, or anything between. */
export function statusOf(decided: readonly DecidedItem[]): ItemDecision {
  if (decided.length > 0 && decided.every((d) => d.decision === "rejected")) return "rejected";
  return decided.every((d) => d.decision === "accepted") ? "accepted" : "edited";
}

/** An item with its edit applied (what accepting it does). */
export function editedAction(item: SuggestionItem, edit: ItemEdit | null): ItemAction {
  if (edit === null) return item.action;
  const a = item.action;
  switch (a.kind) {
    case "add_milestone":
      return { ...a, title: edit.title ?? a.title };
    case "add_task":
      return {
        ...a,
        title: edit.title ?? a.title,
        estimateMinutes: edit.estimateMinutes ?? a.estimateMinutes,
        priority: edit.priority ?? a.priority,
      };
    case "add_habit":
      return {
        ...a,
        title: edit.title ?? a.title,
        durationMinutes: edit.durationMinutes ?? a.durationMinutes,
      };
    case "move_task":
      return { ...a, to: edit.localDate ?? a.to };
    case "smaller_step":
      return {
        ...a,
        durationTo: edit.durationMinutes ?? a.durationTo,
        targetTo: edit.targetValue === undefined ? a.targetTo : edit.targetValue,
      };
  }
}

/**
 * The result as kept: rejected items left out, edits applied, the days' minutes summed again.
 * What a suggestion stores as `editedOutput`, what the learning loop compares with the output,
 * and (applied to the coach's decisions) what the member is shown after a review.
 */
export function keptResult(
  input: PlannerInput,
  result: PlannerResult,
  decided: readonly DecidedItem[],
): PlannerResult {
  const byKey = new Map(decided.map((d) => [d.key, d]));
  const kept = (key: string) => byKey.get(key)?.decision !== "rejected";
  const edit = (key: string) => byKey.get(key)?.edit ?? null;
  if (result.job === "decompose_goal") {
    return {
      ...result,
      milestones: result.milestones
        .filter((m) => kept(itemKey.milestone(m.key)))
        .map((m) => ({
          ...m,
          title: edit(itemKey.milestone(m.key))?.title ?? m.title,
          tasks: m.tasks
            .filter((t) => kept(itemKey.task(t.key)))
            .map((t) => {
              const e = edit(itemKey.task(t.key));
              return {
                ...t,
                title: e?.title ?? t.title,
                estimateMinutes: e?.estimateMinutes ?? t.estimateMinutes,
                priority: e?.priority ?? t.priority,
              };
            }),
          habits: m.habits
            .filter((h) => kept(itemKey.habit(h.key)))
            .map((h) => {
              const e = edit(itemKey.habit(h.key));
              return {
                ...h,
                title: e?.title ?? h.title,
                durationMinutes: e?.durationMinutes ?? h.durationMinutes,
              };
            }),
        })),
    };
  }
  // A task's key is its move; a task that stays where it is has no item and is always kept.
  const placements = result.placements
    .filter((p) => p.kind === "habit" || kept(itemKey.move(p.id)))
    .map((p) => {
      const day = p.kind === "task" ? edit(itemKey.move(p.id))?.localDate : undefined;
      return day === undefined ? p : { ...p, localDate: day };
    });
  const days = result.days.map((d) => {
    const plannedMinutes = placements
      .filter((p) => p.localDate === d.localDate)
      .reduce((sum, p) => sum + p.minutes, 0);
    return {
      ...d,
      plannedMinutes,
      freeMinutes: Math.max(0, d.capacityMinutes - d.committedMinutes - plannedMinutes),
    };
  });
  if (result.job === "recovery") {
    const steps = result.habitSteps
      .filter((s) => kept(itemKey.step(s.habitId)))
      .map((s) => {
        const e = edit(itemKey.step(s.habitId));
        return {
          ...s,
          durationMinutes: e?.durationMinutes ?? s.durationMinutes,
          targetValue: e?.targetValue === undefined ? s.targetValue : e.targetValue,
        };
      });
    return { ...result, habitSteps: steps, placements, days } satisfies ResultOf["recovery"];
  }
  return { ...result, placements, days };
}
