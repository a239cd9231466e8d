import { ProgressBar } from "@atlas/ui";
import type { Goal } from "~/lib/views.ts";

/** Done milestones of all, as a bar and in words. */
export function GoalProgress({ goal }: { goal: Goal }) {
  const total = goal.milestones.length;
  const done = goal.milestones.filter((m) => m.doneOn !== null).length;
  const text = total === 0 ? "No milestones" : `${done} of ${total} milestones done`;
  return (
    <div className="flex flex-col gap-1.5">
      <ProgressBar
        value={total === 0 ? 0 : done / total}
        label={`Progress of ${goal.title}`}
        valueText={text}
        barClassName="bg-success"
      />
      <p className="text-xs text-muted-foreground">{text}</p>
    </div>
  );
}
