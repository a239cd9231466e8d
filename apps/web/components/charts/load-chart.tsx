import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line } from "@visx/shape";
import { ChartAxes } from "~/components/charts/chart-axes.tsx";
import { ChartFrame, DataTable, type ChartSize } from "@atlas/ui";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { loadLevelText, loadText } from "@atlas/ui/labels";
import type { Dashboard } from "~/lib/views.ts";

type LoadDay = Dashboard["overload"]["days"][number];

const MARGIN = { top: 20, right: 8, bottom: 26, left: 44 };

const FILL = {
  none: "fill-success/70",
  near: "fill-warning",
  over: "fill-danger/80",
  critical: "fill-danger",
} as const;

function niceTicks(max: number): number[] {
  const step = max <= 240 ? 60 : max <= 600 ? 120 : max <= 1200 ? 240 : 480;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return ticks;
}

function Drawing({
  days,
  size,
  locale,
}: {
  days: readonly LoadDay[];
  size: ChartSize;
  locale: string;
}) {
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;
  const top = Math.max(60, ...days.map((d) => Math.max(d.loadMinutes, d.capacityMinutes))) * 1.1;
  const x = scaleBand({ domain: days.map((d) => d.date), range: [0, innerWidth], padding: 0.3 });
  const y = scaleLinear({ domain: [0, top], range: [innerHeight, 0] });
  const ticks = niceTicks(top);
  const narrow = size.width < 400;

  return (
    <Group left={MARGIN.left} top={MARGIN.top}>
      <GridRows scale={y} width={innerWidth} tickValues={ticks} className="stroke-border" />
      {days.map((d) => {
        const left = x(d.date) ?? 0;
        const barTop = y(d.loadMinutes);
        const capacityY = y(d.capacityMinutes);
        return (
          <g key={d.date}>
            <Bar
              x={left}
              y={barTop}
              width={x.bandwidth()}
              height={Math.max(d.loadMinutes > 0 ? 1 : 0, innerHeight - barTop)}
              rx={2}
              className={FILL[d.level]}
            />
            {/* Capacity: a dark line across the day's band, a little wider than the bar. */}
            <Line
              from={{ x: left - 4, y: capacityY }}
              to={{ x: left + x.bandwidth() + 4, y: capacityY }}
              className="stroke-foreground"
              strokeWidth={2}
              strokeDasharray={d.capacityMinutes === 0 ? "3 3" : undefined}
            />
            <text
              x={left + x.bandwidth() / 2}
              y={Math.min(barTop, capacityY) - 5}
              textAnchor="middle"
              fontSize={narrow ? 9 : 11}
              className="fill-foreground"
            >
              {/* Values carry their unit; a narrow chart keeps it short. */}
              {narrow ? `${d.loadMinutes}m` : formatMinutes(d.loadMinutes)}
            </text>
          </g>
        );
      })}
      <ChartAxes
        x={x}
        y={y}
        height={innerHeight}
        yTicks={ticks}
        yFormat={(v) => `${Number(v) / 60}h`}
        xFormat={(d) => formatDate(d, narrow ? "weekdayShort" : "short", locale)}
      />
    </Group>
  );
}

/** The next 7 days' planned load (bars, coloured by level) against capacity (lines). */
export function LoadChart({ days, locale }: { days: readonly LoadDay[]; locale: string }) {
  const over = days.filter((d) => d.level === "over" || d.level === "critical");
  const label = `Load, next 7 days: ${days
    .map(
      (d) => `${formatDate(d.date, "short", locale)} ${loadText(d.loadMinutes, d.capacityMinutes)}`,
    )
    .join(
      "; ",
    )}. ${over.length === 0 ? "No day over capacity." : `${over.length} ${over.length === 1 ? "day" : "days"} over capacity.`}`;
  return (
    <ChartFrame
      label={label}
      render={(size) => <Drawing days={days} size={size} locale={locale} />}
      table={
        <DataTable
          caption="Load against capacity, next 7 days"
          columns={["Day", "Load", "Capacity", "Level"]}
          rows={days.map((d) => [
            formatDate(d.date, "short", locale),
            formatMinutes(d.loadMinutes),
            formatMinutes(d.capacityMinutes),
            loadLevelText(d.level, d.capacityMinutes),
          ])}
        />
      }
    />
  );
}
