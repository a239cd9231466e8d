import { Badge, Card, CardContent, CardHeader, CardTitle, ProgressBar, cn } from "@atlas/ui";
import { formatMinutes } from "~/lib/dates.ts";
import { LOAD_LEVEL, LOAD_TONE } from "~/lib/labels.ts";
import type { DayLoad } from "~/lib/views.ts";

const BAR = { none: "bg-success", near: "bg-warning", over: "bg-danger", critical: "bg-danger" };

/** "Load today": planned minutes against the member's capacity, with the overload level. */
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
        <ProgressBar
          value={ratio ?? (loadMinutes > 0 ? 1 : 0)}
          label="Load against capacity today"
          valueText={`${formatMinutes(loadMinutes)} of ${formatMinutes(capacityMinutes)}`}
          barClassName={cn(BAR[level])}
        />
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span>
            {capacityMinutes === 0
              ? `${formatMinutes(loadMinutes)} planned, no capacity today`
              : `${formatMinutes(loadMinutes)} of ${formatMinutes(capacityMinutes)}`}
          </span>
          <Badge tone={LOAD_TONE[level]}>{LOAD_LEVEL[level]}</Badge>
        </p>
      </CardContent>
    </Card>
  );
}
