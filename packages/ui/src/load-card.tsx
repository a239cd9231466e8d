import { Badge } from "./badge.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "./card.tsx";
import { cn } from "./cn.ts";
import { formatMinutes } from "./dates.ts";
import { LOAD_TONE, loadLevelText, loadText } from "./labels.ts";
import { ProgressBar } from "./progress-bar.tsx";
import type { DayLoad } from "./view-types.ts";

const BAR = { none: "bg-success", near: "bg-warning", over: "bg-danger", critical: "bg-danger" };

/**
 * "Load today": planned minutes against the member's capacity, with the overload level. A day off
 * (capacity 0) has no ratio: it shows the minutes planned on it and no bar.
 */
export function LoadCard({ load, className }: { load: DayLoad; className?: string }) {
  const { loadMinutes, capacityMinutes, ratio, level } = load;
  return (
    <Card aria-labelledby="load-title" className={cn("sm:min-h-48", className)}>
      <CardHeader>
        <CardTitle id="load-title" className="text-base">
          Load today
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <p className="text-3xl font-semibold tabular-nums">
          {ratio === null ? formatMinutes(loadMinutes) : `${Math.round(ratio * 100)}%`}
        </p>
        {ratio === null ? null : (
          <ProgressBar
            value={ratio}
            label="Load against capacity today"
            valueText={loadText(loadMinutes, capacityMinutes)}
            barClassName={BAR[level]}
          />
        )}
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span>{loadText(loadMinutes, capacityMinutes)}</span>
          <Badge tone={LOAD_TONE[level]}>{loadLevelText(level, capacityMinutes)}</Badge>
        </p>
      </CardContent>
    </Card>
  );
}
