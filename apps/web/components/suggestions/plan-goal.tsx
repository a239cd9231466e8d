import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { getApi } from "~/lib/trpc/server.ts";
import { AskSuggestion } from "./ask-suggestion.tsx";
import { SuggestionPanel } from "./suggestion-panel.tsx";

/**
 * "Plan this goal": the goal's open suggestion to review (or waiting for the coach), else the
 * button that asks for one (docs/domain.md "AI suggestions").
 */
export async function PlanGoal({ goalId }: { goalId: string }) {
  const api = await getApi();
  const { items } = await api.ai.list({
    type: "decompose_goal",
    goalId,
    status: ["proposed", "pending_coach"],
    limit: 1,
  });
  const open = items[0];
  if (open) {
    return (
      <SuggestionPanel id="plan-goal-title" title="Plan for this goal" suggestion={open}>
        <AskSuggestion
          request={{ type: "decompose_goal", goalId }}
          label="Plan again"
          variant="outline"
        />
      </SuggestionPanel>
    );
  }
  return (
    <Card aria-labelledby="plan-goal-title">
      <CardHeader>
        <CardTitle id="plan-goal-title">Plan this goal</CardTitle>
        <CardDescription>
          Milestones, tasks with estimates and habits, sized to your weekly capacity. You review
          each one before anything is created.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AskSuggestion request={{ type: "decompose_goal", goalId }} label="Plan this goal" />
      </CardContent>
    </Card>
  );
}
