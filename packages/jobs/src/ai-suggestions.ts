/**
 * The scheduled AI suggestions' plain steps (docs/domain.md "AI suggestions" → "Scheduled
 * suggestions"); the Inngest functions and the embedded scheduler only order them. Listing runs
 * as the app role bound to the workspace (no user); each suggestion's pipeline runs bound as its
 * member, exactly as the member's own request does. Every step is idempotent: a suggestion is
 * stored once per dedupe key.
 */
import {
  planSuggestion,
  prepareSuggestion,
  storeSuggestion,
  type PlanAnswer,
  type Preparation,
  type Prepared,
} from "@atlas/core/services/ai/request";
import {
  dueDailyChecks,
  dueWeeklyPlans,
  type ScheduledSuggestion,
} from "@atlas/core/services/ai/schedule";
import type { SuggestionRequest } from "@atlas/core/services/ai/snapshot";
import { createTenantDb } from "@atlas/db";
import { toLocalDate } from "@atlas/time";
import type { JobDeps } from "./deps.ts";
import { deliverOnce, notifySuggestionReady } from "./notifications.ts";
import type { AtlasEventData } from "./events.ts";

export type SuggestionEvent = AtlasEventData<"atlas/ai.suggestion-requested">;

/** The event of one scheduled suggestion. */
export function suggestionEvent(s: ScheduledSuggestion): SuggestionEvent {
  return {
    workspaceId: s.workspaceId,
    memberId: s.memberId,
    type: s.request.type,
    goalId: s.request.type === "decompose_goal" ? s.request.goalId : null,
    weekStart: s.request.type === "weekly_plan" ? (s.request.weekStart ?? null) : null,
    dedupeKey: s.dedupeKey,
  };
}

function requestOf(data: SuggestionEvent): SuggestionRequest {
  switch (data.type) {
    case "decompose_goal":
      return { type: data.type, goalId: data.goalId ?? "" };
    case "weekly_plan":
      return {
        type: data.type,
        ...(data.weekStart !== null && { weekStart: toLocalDate(data.weekStart) }),
      };
    default:
      return { type: data.type };
  }
}

const workspaceDb = (deps: JobDeps, workspaceId: string) =>
  createTenantDb(deps.appDb(), { workspaceId, userId: null });
const memberDb = (deps: JobDeps, scope: { workspaceId: string; memberId: string }) =>
  createTenantDb(deps.appDb(), { workspaceId: scope.workspaceId, userId: scope.memberId });

export async function listWeeklyPlans(deps: JobDeps, workspaceId: string) {
  const due = await dueWeeklyPlans(workspaceDb(deps, workspaceId), workspaceId, deps.clock.now());
  return due.map(suggestionEvent);
}

export async function listDailyChecks(deps: JobDeps, workspaceId: string) {
  const due = await dueDailyChecks(workspaceDb(deps, workspaceId), workspaceId, deps.clock.now());
  return due.map(suggestionEvent);
}

export function prepareScheduled(deps: JobDeps, data: SuggestionEvent): Promise<Preparation> {
  const scope = { workspaceId: data.workspaceId, memberId: data.memberId };
  return prepareSuggestion(memberDb(deps, scope), scope, deps.clock.now(), requestOf(data), {
    dedupeKey: data.dedupeKey,
    scheduled: true,
  });
}

export function planScheduled(deps: JobDeps, prepared: Prepared): Promise<PlanAnswer> {
  return planSuggestion(deps.planner(), prepared);
}

export function storeScheduled(deps: JobDeps, prepared: Prepared, answer: PlanAnswer) {
  return storeSuggestion(memberDb(deps, prepared.scope), deps.clock.now(), prepared, answer);
}

/** The whole pipeline of one event, in process (the local runner). */
export async function runScheduledSuggestion(
  deps: JobDeps,
  data: SuggestionEvent,
): Promise<{ id: string } | { nothing: string }> {
  const preparation = await prepareScheduled(deps, data);
  if ("nothing" in preparation) return preparation;
  if ("existingId" in preparation) return { id: preparation.existingId };
  const { prepared } = preparation;
  const answer = await planScheduled(deps, prepared);
  const id = await storeScheduled(deps, prepared, answer);
  const { deliveries } = await readyNoticeOf(deps, prepared, id);
  for (const delivery of deliveries) await deliverOnce(deps, delivery);
  return { id };
}

/** The member's "suggestion ready" notice of a stored suggestion (notifications.ts). */
export function readyNoticeOf(deps: JobDeps, prepared: Prepared, id: string) {
  return notifySuggestionReady(deps, {
    ...prepared.scope,
    type: prepared.request.type,
    status: prepared.status,
    id,
  });
}
