/**
 * Checks on a proposal beyond its schema (docs/domain.md "AI suggestions" → "Checks"), run on
 * every provider's answer, the local planner's included. A proposal that fails any of them is
 * not used: the planner falls back to the local planner and records why.
 */
import { addDays, type LocalDate } from "@atlas/time";
import {
  PLANNER_LIMITS,
  PROPOSAL_SCHEMAS,
  type PlannerInputOf,
  type PlannerJob,
  type ProposalOf,
} from "./types.ts";

export interface CheckFailure {
  ok: false;
  /** Each problem in words, e.g. "items[2].id: t9 is not one of the input's tasks". */
  issues: string[];
}
export type CheckOutcome = { ok: true } | CheckFailure;

/** Links a proposal may not invent: a scheme, `www.`, or a bare domain with a common ending. */
const LINK =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/[^\s<>"')]+|www\.[^\s<>"')]+|(?:[a-z0-9-]+\.)+(?:com|net|org|io|ai|co|dev|app|xyz|info|biz|me|ly|gg|link|site|online|ru|cn|tk|top|click|shop|store|page|sh)\b(?:\/[^\s<>"')]*)?)/gi;
const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/gi;
/** Control characters other than tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The longest text each proposal field may hold (the schema leaves lengths to the checks). */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  title: PLANNER_LIMITS.maxTitleLength,
  description: PLANNER_LIMITS.maxTextLength,
  notes: PLANNER_LIMITS.maxTextLength,
  rationale: PLANNER_LIMITS.maxTextLength,
  reason: PLANNER_LIMITS.maxReasonLength,
};

/** Every string inside a value, with its path. */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** The links and e-mail addresses in a text, lower-cased, trailing punctuation trimmed. */
export function linksIn(text: string): string[] {
  const emails = text.match(EMAIL) ?? [];
  const found = [...(text.replace(EMAIL, " ").match(LINK) ?? []), ...emails];
  return found.map((s) => s.toLowerCase().replace(/[.,;:!?]+$/, ""));
}

/**
 * The nesting depth of a proposal's items: decompose_goal's milestones are level 1 and their
 * tasks and habits level 2; the other jobs list items at level 1. The strict schema refuses any
 * field that could nest deeper (a `subtasks` key fails parsing), so 2 is the most there is.
 */
export function proposalDepth(job: PlannerJob, proposal: unknown): number {
  if (job !== "decompose_goal") return 1;
  const milestones = (proposal as { milestones?: { tasks?: unknown[]; habits?: unknown[] }[] })
    .milestones;
  if (!milestones || milestones.length === 0) return 0;
  return milestones.some((m) => (m.tasks?.length ?? 0) + (m.habits?.length ?? 0) > 0) ? 2 : 1;
}

const windowOf = (days: readonly { localDate: LocalDate }[]) =>
  new Set<string>(days.map((d) => d.localDate));

class Issues {
  readonly list: string[] = [];
  add(path: string, problem: string) {
    this.list.push(`${path}: ${problem}`);
  }
  range(path: string, value: number, min: number, max: number, unit = "") {
    if (!(value >= min && value <= max))
      this.add(path, `${value}${unit} is outside ${min} … ${max}${unit}`);
  }
  unique(path: string, values: readonly string[], what: string) {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const key = v.trim().toLowerCase();
      if (seen.has(key)) this.add(`${path}[${i}]`, `${what} "${v}" appears twice`);
      seen.add(key);
    });
  }
  oneOf(path: string, value: string, allowed: ReadonlySet<string>, what: string) {
    if (!allowed.has(value)) this.add(path, `${value} is not ${what}`);
  }
  /** Task moves: each task once, one of `tasks` (named `what`), wished-for days in the window. */
  moves(
    path: string,
    moves: readonly { taskId: string; preferredDates: readonly string[] }[],
    tasks: readonly { id: string }[],
    days: readonly { localDate: LocalDate }[],
    what: string,
  ) {
    const ids = new Set(tasks.map((t) => t.id));
    const window = windowOf(days);
    this.unique(
      path,
      moves.map((m) => m.taskId),
      "task",
    );
    moves.forEach((move, i) => {
      this.oneOf(`${path}[${i}].taskId`, move.taskId, ids, what);
      move.preferredDates.forEach((d, j) =>
        this.oneOf(`${path}[${i}].preferredDates[${j}]`, d, window, "a day of the window"),
      );
    });
  }
}

type Checker<J extends PlannerJob> = (
  input: PlannerInputOf<J>,
  proposal: ProposalOf[J],
  issues: Issues,
) => void;

const checkers: { [J in PlannerJob]: Checker<J> } = {
  decompose_goal: (input, proposal, issues) => {
    const L = PLANNER_LIMITS;
    const inputIds = new Set<string>([
      input.goal.id,
      ...input.existingMilestones.map((m) => m.id),
      ...input.existingTasks.map((t) => t.id),
      ...input.existingHabits.map((h) => h.id),
    ]);
    const { milestones } = proposal;
    if (milestones.length === 0) issues.add("milestones", "no milestone proposed");
    issues.range("milestones.length", milestones.length, 0, L.maxMilestones);
    if (milestones.every((m) => m.tasks.length + m.habits.length === 0) && milestones.length > 0)
      issues.add("milestones", "no task or habit proposed");
    const keys = milestones.flatMap((m) => [
      m.key,
      ...m.tasks.map((t) => t.key),
      ...m.habits.map((h) => h.key),
    ]);
    issues.unique("keys", keys, "key");
    keys.forEach((k, i) => {
      if (inputIds.has(k)) issues.add(`keys[${i}]`, `${k} is an existing item's id, not a new key`);
    });
    issues.unique(
      "milestones",
      milestones.map((m) => m.title),
      "milestone title",
    );
    const latest = input.goal.targetDate ?? addDays(input.today, 2 * 366);
    let previous: string | null = null;
    let habitCount = 0;
    milestones.forEach((m, i) => {
      const at = `milestones[${i}]`;
      if (m.targetDate !== null) {
        if (m.targetDate < input.today || m.targetDate > latest)
          issues.add(`${at}.targetDate`, `${m.targetDate} is outside ${input.today} … ${latest}`);
        if (previous !== null && m.targetDate < previous)
          issues.add(`${at}.targetDate`, `${m.targetDate} comes before the previous milestone's`);
        previous = m.targetDate;
      }
      issues.range(`${at}.tasks.length`, m.tasks.length, 0, L.maxTasksPerMilestone);
      issues.range(`${at}.habits.length`, m.habits.length, 0, L.maxHabitsPerMilestone);
      issues.unique(
        `${at}.tasks`,
        m.tasks.map((t) => t.title),
        "task title",
      );
      m.tasks.forEach((t, j) =>
        issues.range(
          `${at}.tasks[${j}].estimateMinutes`,
          t.estimateMinutes,
          L.estimateMinMinutes,
          L.estimateMaxMinutes,
          " min",
        ),
      );
      m.habits.forEach((h, j) => {
        const hp = `${at}.habits[${j}]`;
        issues.range(`${hp}.durationMinutes`, h.durationMinutes, 0, L.habitMaxMinutes, " min");
        const s = h.schedule;
        if (s.kind === "days_of_week" && (s.daysOfWeek === null || s.daysOfWeek.length === 0))
          issues.add(`${hp}.schedule`, "days_of_week needs its days");
        if (s.kind === "times_per_week" && s.timesPerWeek === null)
          issues.add(`${hp}.schedule`, "times_per_week needs its count");
        if (s.daysOfWeek !== null)
          issues.unique(`${hp}.schedule.daysOfWeek`, s.daysOfWeek.map(String), "weekday");
      });
      habitCount += m.habits.length;
    });
    issues.range("habits (all milestones)", habitCount, 0, L.maxHabits);
  },

  weekly_plan: (input, proposal, issues) => {
    const ids = {
      task: new Set(input.tasks.map((t) => t.id)),
      habit: new Set(input.habits.map((h) => h.id)),
    };
    const week = windowOf(input.days);
    issues.unique(
      "items",
      proposal.items.map((it) => `${it.kind}:${it.id}`),
      "item",
    );
    proposal.items.forEach((it, i) => {
      const at = `items[${i}]`;
      issues.oneOf(`${at}.id`, it.id, ids[it.kind], `one of the input's ${it.kind}s`);
      it.preferredDates.forEach((d, j) =>
        issues.oneOf(`${at}.preferredDates[${j}]`, d, week, "a day of the week planned"),
      );
      if (it.estimateMinutes !== null)
        issues.range(
          `${at}.estimateMinutes`,
          it.estimateMinutes,
          PLANNER_LIMITS.estimateMinMinutes,
          PLANNER_LIMITS.estimateMaxMinutes,
          " min",
        );
    });
  },

  recovery: (input, proposal, issues) => {
    const habits = new Map(input.habits.map((h) => [h.id, h]));
    const lastUntil = addDays(input.today, PLANNER_LIMITS.maxRecoveryDays - 1);
    issues.unique(
      "habitSteps",
      proposal.habitSteps.map((s) => s.habitId),
      "habit",
    );
    proposal.habitSteps.forEach((step, i) => {
      const at = `habitSteps[${i}]`;
      const habit = habits.get(step.habitId);
      if (!habit)
        return issues.add(`${at}.habitId`, `${step.habitId} is not one of the input's habits`);
      // A smaller step: never more time, never a harder target than the habit's own.
      issues.range(`${at}.durationMinutes`, step.durationMinutes, 0, habit.durationMinutes, " min");
      if (step.targetValue !== null) {
        if (habit.target === null) issues.add(`${at}.targetValue`, "the habit has no target");
        else if (habit.target.direction === "at_least")
          issues.range(`${at}.targetValue`, step.targetValue, 0.001, habit.target.value);
        else
          issues.range(
            `${at}.targetValue`,
            step.targetValue,
            habit.target.value,
            2 * habit.target.value,
          );
      }
      if (step.untilDate < input.today || step.untilDate > lastUntil)
        issues.add(`${at}.untilDate`, `${step.untilDate} is outside ${input.today} … ${lastUntil}`);
      const due = new Set<string>(habit.dueDates);
      step.repairDates.forEach((d, j) =>
        issues.oneOf(`${at}.repairDates[${j}]`, d, due, "one of the habit's due days"),
      );
      if (step.repairDates.length > 0 && habit.pendingRepair === null)
        issues.add(`${at}.repairDates`, "the habit has no miss waiting for repair");
    });
    issues.moves(
      "taskMoves",
      proposal.taskMoves,
      input.tasks,
      input.days,
      "one of the input's tasks",
    );
  },

  deferral: (input, proposal, issues) =>
    issues.moves(
      "moves",
      proposal.moves,
      input.overdueTasks,
      input.days,
      "one of the input's overdue tasks",
    ),
};

/**
 * Parses `raw` with the job's schema, then checks the proposal against its input: ranges and
 * counts, depth ≤ 2, no duplicates, ids only from the input, dates inside the window, and no
 * link, e-mail address or control character that the input did not already carry.
 */
export function checkProposal<J extends PlannerJob>(
  input: PlannerInputOf<J>,
  raw: unknown,
): { ok: true; proposal: ProposalOf[J] } | CheckFailure {
  const parsed = PROPOSAL_SCHEMAS[input.job].safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    };
  }
  const proposal = parsed.data as ProposalOf[J];
  const issues = new Issues();
  if (proposalDepth(input.job, proposal) > 2) issues.add("(root)", "nested deeper than two levels");
  (checkers[input.job] as Checker<J>)(input, proposal, issues);

  const known = new Set(strings(input).flatMap(([, text]) => linksIn(text)));
  for (const [path, text] of strings(proposal)) {
    const field = /([A-Za-z]+)$/.exec(path)?.[1] ?? "";
    const max = TEXT_LIMITS[field];
    if (max !== undefined && text.length > max) issues.add(path, `longer than ${max} characters`);
    if (field === "title" && text.trim().length === 0) issues.add(path, "an empty title");
    for (const link of linksIn(text)) {
      if (!known.has(link))
        issues.add(path, `"${link}" is a link or address the input did not contain`);
    }
    if (CONTROL.test(text)) issues.add(path, "holds a control character");
  }
  return issues.list.length === 0 ? { ok: true, proposal } : { ok: false, issues: issues.list };
}
