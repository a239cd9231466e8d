/**
 * The prompt in use for each job. A new version is a new file (weekly_plan/v2.ts) switched on
 * here; the version string is recorded with every suggestion (docs/architecture.md "AI planner").
 */
import type { PlannerJob } from "@atlas/core/planner/index";
import decomposeGoal from "./decompose_goal/v1.ts";
import deferral from "./deferral/v1.ts";
import recovery from "./recovery/v1.ts";
import weeklyPlan from "./weekly_plan/v1.ts";

export interface Prompt {
  version: string;
  instructions: string;
}

export const PROMPTS: Readonly<Record<PlannerJob, Prompt>> = {
  decompose_goal: decomposeGoal,
  weekly_plan: weeklyPlan,
  recovery,
  deferral,
};
