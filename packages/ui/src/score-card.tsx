import { Card, CardContent, CardHeader, CardTitle } from "./card.tsx";
import { cn } from "./cn.ts";
import { ProgressBar } from "./progress-bar.tsx";
import type { ReactNode } from "react";

/** "Today's score": the daily execution score (0–100) in large type, with what it counts. */
export function ScoreCard({
  percent,
  detail,
  className,
}: {
  percent: number | null;
  detail: ReactNode;
  className?: string;
}) {
  return (
    <Card aria-labelledby="score-title" className={cn("sm:min-h-48", className)}>
      <CardHeader>
        <CardTitle id="score-title" className="text-base">
          Today&apos;s score
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <p className="text-3xl font-semibold tabular-nums">
          {percent === null ? (
            <>
              <span aria-hidden>—</span>
              <span className="sr-only">No score yet</span>
            </>
          ) : (
            `${percent}%`
          )}
        </p>
        <ProgressBar
          value={(percent ?? 0) / 100}
          label="Today's score"
          valueText={percent === null ? "No score yet" : `${percent}%`}
          barClassName="bg-success"
        />
        <p className="text-sm text-muted-foreground">{detail}</p>
      </CardContent>
    </Card>
  );
}
