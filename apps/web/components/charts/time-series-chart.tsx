import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { AreaClosed, LinePath } from "@visx/shape";
import { ChartAxes } from "~/components/charts/chart-axes.tsx";
import { ChartFrame, DataTable, type ChartSize } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";

export interface SeriesPoint {
  date: string;
  value: number;
}

const MARGIN = { top: 12, right: 12, bottom: 26, left: 40 };

/**
 * The indexes of the first day of each month (every other month on a phone), and the first day
 * when no month starts near it (a young habit's chart would otherwise have one label).
 */
function tickIndexes(points: readonly SeriesPoint[], narrow: boolean): number[] {
  const starts = points.flatMap((p, i) => (p.date.endsWith("-01") ? [i] : []));
  const shown = narrow ? starts.filter((_, i) => i % 2 === 0) : starts;
  const first = shown[0];
  return first === undefined || first > points.length * 0.15 ? [0, ...shown] : shown;
}

function Drawing({
  points,
  size,
  max,
  ticks,
  tickFormat,
  locale,
}: {
  points: readonly SeriesPoint[];
  size: ChartSize;
  locale: string;
  max: number;
  ticks: number[];
  tickFormat: (value: number) => string;
}) {
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear({ domain: [0, Math.max(1, points.length - 1)], range: [0, innerWidth] });
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0] });
  const indexed = points.map((p, i) => ({ i, value: p.value }));

  return (
    <Group left={MARGIN.left} top={MARGIN.top}>
      <GridRows scale={y} width={innerWidth} tickValues={ticks} className="stroke-border" />
      <AreaClosed
        data={indexed}
        x={(d) => x(d.i)}
        y={(d) => y(d.value)}
        yScale={y}
        className="fill-primary/10"
      />
      <LinePath
        data={indexed}
        x={(d) => x(d.i)}
        y={(d) => y(d.value)}
        className="fill-none stroke-primary"
        strokeWidth={2}
        strokeLinejoin="round"
      />
      <ChartAxes
        x={x}
        y={y}
        height={innerHeight}
        xTicks={tickIndexes(points, size.width < 500)}
        yTicks={ticks}
        yFormat={(v) => tickFormat(Number(v))}
        xFormat={(i) => {
          const point = points[Number(i)];
          if (!point) return "";
          return formatDate(point.date, point.date.endsWith("-01") ? "month" : "dayMonth", locale);
        }}
      />
    </Group>
  );
}

/**
 * A value over the days of a habit's year (strength, streak): a line with the area under it.
 * `max` and `ticks` set the vertical scale; `tickFormat` writes an axis label ("80%", "12"),
 * `format` a value in the table ("80%", "12 days").
 */
export function TimeSeriesChart({
  title,
  points,
  max,
  ticks,
  tickFormat,
  format,
  summary,
  locale,
}: {
  title: string;
  /** The locale dates are written in. */
  locale: string;
  points: readonly SeriesPoint[];
  max: number;
  ticks: number[];
  tickFormat: (value: number) => string;
  format: (value: number) => string;
  summary: string;
}) {
  // The table keeps one row a week (each Sunday, and the last day): a year of days is too long to hear.
  const rows = points.filter(
    (p, i) => i === points.length - 1 || new Date(`${p.date}T00:00:00Z`).getUTCDay() === 0,
  );
  return (
    <ChartFrame
      label={summary}
      render={(size) => (
        <Drawing
          points={points}
          size={size}
          max={max}
          ticks={ticks}
          tickFormat={tickFormat}
          locale={locale}
        />
      )}
      table={
        <DataTable
          caption={`${title}, weekly`}
          columns={["Date", title]}
          rows={rows.map((p) => [formatDate(p.date, "medium", locale), format(p.value)])}
        />
      }
    />
  );
}
