import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { ChartAxes } from "~/components/charts/chart-axes.tsx";
import { ChartFrame, DataTable, type ChartSize } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";

export interface ScorePoint {
  date: string;
  percent: number | null;
}

const MARGIN = { top: 12, right: 18, bottom: 26, left: 44 };

function summary(points: readonly ScorePoint[], locale: string): string {
  const scored = points.filter((p): p is { date: string; percent: number } => p.percent !== null);
  if (scored.length === 0) return `Score trend, last ${points.length} days: no scored day yet.`;
  const average = Math.round(scored.reduce((sum, p) => sum + p.percent, 0) / scored.length);
  const last = scored[scored.length - 1]!;
  return `Score trend, last ${points.length} days: ${scored.length} scored days, average ${average}%, lowest ${Math.min(...scored.map((p) => p.percent))}%, highest ${Math.max(...scored.map((p) => p.percent))}%, latest ${last.percent}% on ${formatDate(last.date, "medium", locale)}.`;
}

function Drawing({
  points,
  size,
  locale,
}: {
  points: readonly ScorePoint[];
  size: ChartSize;
  locale: string;
}) {
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;
  const x = scaleBand({ domain: points.map((p) => p.date), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear({ domain: [0, 100], range: [innerHeight, 0] });
  const every = size.width < 500 ? 10 : 5;
  const ticks = points.map((p) => p.date).filter((_, i, all) => (all.length - 1 - i) % every === 0);

  return (
    <Group left={MARGIN.left} top={MARGIN.top}>
      <GridRows scale={y} width={innerWidth} tickValues={[0, 50, 100]} className="stroke-border" />
      {points.map((p, i) => {
        const left = x(p.date) ?? 0;
        const isToday = i === points.length - 1;
        if (p.percent === null) {
          return (
            <rect
              key={p.date}
              x={left}
              y={innerHeight - 2}
              width={x.bandwidth()}
              height={2}
              className="fill-muted-foreground/40"
            />
          );
        }
        const top = y(p.percent);
        return (
          <Bar
            key={p.date}
            x={left}
            y={top}
            width={x.bandwidth()}
            height={Math.max(1, innerHeight - top)}
            rx={2}
            className={isToday ? "fill-primary" : "fill-primary/55"}
          >
            <title>{`${formatDate(p.date, "medium", locale)}: ${p.percent}%`}</title>
          </Bar>
        );
      })}
      <ChartAxes
        x={x}
        y={y}
        height={innerHeight}
        xTicks={ticks}
        yTicks={[0, 50, 100]}
        yFormat={(v) => `${String(v)}%`}
        xFormat={(d) => formatDate(d, "dayMonth", locale)}
      />
    </Group>
  );
}

/** The daily execution score over the last 30 days, one bar a day (a dash: nothing scored). */
export function ScoreTrendChart({
  points,
  locale,
}: {
  points: readonly ScorePoint[];
  locale: string;
}) {
  return (
    <ChartFrame
      label={summary(points, locale)}
      render={(size) => <Drawing points={points} size={size} locale={locale} />}
      table={
        <DataTable
          caption="Daily score, last 30 days"
          columns={["Date", "Score"]}
          rows={points.map((p) => [
            formatDate(p.date, "medium", locale),
            p.percent === null ? "no score" : `${p.percent}%`,
          ])}
        />
      }
    />
  );
}
