/** The read models' shapes as the pages receive them (packages/api is their source of truth). */
import type { RouterOutputs } from "@atlas/api";

export type Today = RouterOutputs["today"]["get"];
export type TodayHabit = Today["habits"][number];
export type TodayTask = Today["tasks"][number];
export type AtRiskHabit = Today["atRisk"][number];
export type AtRiskReason = AtRiskHabit["reasons"][number];
export type DayLoad = Today["load"];
export type LoadLevel = DayLoad["level"];

export type Dashboard = RouterOutputs["dashboard"]["get"];
export type Relief = Dashboard["overload"]["relief"];

export type HabitHistory = RouterOutputs["habit"]["history"];
export type HabitHistoryDay = HabitHistory["days"][number];
export type HistoryState = NonNullable<HabitHistoryDay["state"]>;
export type HabitPlanVersion = HabitHistory["versions"][number];

export type Habit = RouterOutputs["habit"]["get"];
export type Goal = RouterOutputs["goal"]["get"];
export type Task = RouterOutputs["task"]["get"];

export type Suggestion = RouterOutputs["ai"]["get"];
