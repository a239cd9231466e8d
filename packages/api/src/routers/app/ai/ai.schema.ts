/** AI suggestions as both apps show them (docs/domain.md "AI suggestions"). */
import { ZPlannedDay, ZPlannerJob } from "@atlas/core/planner/types";
import type { SuggestionSummary, SuggestionView } from "@atlas/core/services/ai/read";
import { ZItemDecisionInput, ZItemEdit, type Preview } from "@atlas/core/suggestions/items";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZId, ZInstantOutput } from "../../../schemas.ts";

const ZDate = ZLocalDate;

export const ZItemAction = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("add_milestone"),
    title: z.string(),
    description: z.string().nullable(),
    targetDate: ZDate.nullable(),
  }),
  z.object({
    kind: z.literal("add_task"),
    milestoneKey: z.string(),
    title: z.string(),
    notes: z.string().nullable(),
    estimateMinutes: z.number().int(),
    priority: z.enum(["low", "medium", "high"]),
  }),
  z.object({
    kind: z.literal("add_habit"),
    milestoneKey: z.string(),
    title: z.string(),
    schedule: z.object({
      kind: z.enum(["daily", "days_of_week", "times_per_week"]),
      daysOfWeek: z.array(z.number().int()).nullable(),
      timesPerWeek: z.number().int().nullable(),
    }),
    durationMinutes: z.number().int(),
  }),
  z.object({
    kind: z.literal("move_task"),
    taskId: z.string(),
    title: z.string(),
    from: ZDate.nullable(),
    to: ZDate,
    minutes: z.number().int(),
    dueDate: ZDate.nullable(),
  }),
  z.object({
    kind: z.literal("smaller_step"),
    habitId: z.string(),
    title: z.string(),
    durationFrom: z.number().int(),
    durationTo: z.number().int(),
    targetFrom: z.number().nullable(),
    targetTo: z.number().nullable(),
    unit: z.string().nullable(),
    untilDate: ZDate,
    repairDates: z.array(ZDate),
  }),
]);

const ZPlacementOut = z.object({
  kind: z.enum(["task", "habit"]),
  id: z.string(),
  title: z.string(),
  minutes: z.number().int(),
  reason: z.string(),
});

export const ZPreview = z.object({
  items: z.array(z.object({ key: z.string(), reason: z.string().nullable(), action: ZItemAction })),
  unchanged: z.array(ZPlacementOut.extend({ localDate: ZDate })),
  didNotFit: z.array(ZPlacementOut),
  days: z.array(ZPlannedDay).nullable(),
  rationale: z.string().nullable(),
}) satisfies z.ZodType<Preview>;

export const ZSuggestionStatus = z.enum([
  "proposed",
  "pending_coach",
  "accepted",
  "edited",
  "rejected",
  "expired",
]);

export const ZSuggestionSummary = z.object({
  id: z.string(),
  type: ZPlannerJob,
  status: ZSuggestionStatus,
  goalId: z.string().nullable(),
  createdAt: ZInstantOutput,
  decidedAt: ZInstantOutput.nullable(),
  provider: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  fallbackReason: z.string().nullable(),
  costMicroUsd: z.number().int().nullable(),
  tokens: z.object({ prompt: z.number().int(), completion: z.number().int() }),
  counts: z.object({
    items: z.number().int(),
    accepted: z.number().int(),
    edited: z.number().int(),
    rejected: z.number().int(),
    stale: z.number().int(),
  }),
  review: z
    .object({
      reviewerName: z.string().nullable(),
      reviewedAt: ZInstantOutput,
      note: z.string().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<SuggestionSummary>;

export const ZStoredDecision = z.object({
  key: z.string(),
  decision: z.enum(["accepted", "edited", "rejected"]),
  edit: ZItemEdit.nullable(),
  outcome: z.union([
    z.object({
      applied: z.object({ type: z.enum(["milestone", "task", "habit"]), id: z.string() }),
    }),
    z.object({ stale: z.string() }),
    z.object({ applied: z.null() }),
  ]),
});

export const ZSuggestionView = ZSuggestionSummary.extend({
  preview: ZPreview.nullable(),
  decisions: z.array(ZStoredDecision).nullable(),
}) satisfies z.ZodType<SuggestionView>;

/** One item's decision: accept (with an edit: edited) or reject. */
export const ZItemDecision = ZItemDecisionInput;

export const ZSuggestionIdInput = z.object({ id: ZId });
