import type { AdminRouterOutputs } from "@atlas/api";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { LOAD_LEVEL, loadText } from "@atlas/ui/labels";
import { getLocale } from "@atlas/next-app/server";

type History = AdminRouterOutputs["member"]["overloadHistory"];

const BAR = {
  none: "fill-success",
  near: "fill-warning",
  over: "fill-danger",
  critical: "fill-danger",
};
const WIDTH = 12;
const HEIGHT = 64;

/**
 * The member's stored load of the last weeks: one bar a day, its height the load against
 * capacity (a day off: grey, minutes only), with the numbers as a table for screen readers.
 */
export async function OverloadHistory({ history }: { history: History }) {
  const locale = await getLocale();
  if (history.days.length === 0) {
    return <p className="text-sm text-muted-foreground">No stored days yet.</p>;
  }
  const top = Math.max(1.5, ...history.days.map((d) => d.ratio ?? 0));
  return (
    <figure className="flex flex-col gap-2">
      <svg
        role="img"
        aria-label={`Load against capacity, ${formatDate(history.from, "medium", locale)} to ${formatDate(history.to, "medium", locale)}`}
        viewBox={`0 0 ${history.days.length * WIDTH} ${HEIGHT}`}
        className="h-16 w-full"
        preserveAspectRatio="none"
      >
        <line
          x1={0}
          x2={history.days.length * WIDTH}
          y1={HEIGHT - HEIGHT / top}
          y2={HEIGHT - HEIGHT / top}
          className="stroke-muted-foreground"
          strokeDasharray="2 2"
          strokeWidth={0.5}
        />
        {history.days.map((d, i) => {
          const h = d.ratio === null ? 2 : Math.max(2, (HEIGHT * d.ratio) / top);
          return (
            <rect
              key={d.date}
              x={i * WIDTH + 1}
              y={HEIGHT - h}
              width={WIDTH - 2}
              height={h}
              className={d.level === null ? "fill-muted" : BAR[d.level]}
            />
          );
        })}
      </svg>
      <figcaption className="text-xs text-muted-foreground">
        One bar a day; the dashed line is capacity. Grey: a day off.
      </figcaption>
      <table className="sr-only">
        <thead>
          <tr>
            <th>Day</th>
            <th>Load</th>
            <th>Level</th>
          </tr>
        </thead>
        <tbody>
          {history.days.map((d) => (
            <tr key={d.date}>
              <td>{formatDate(d.date, "medium", locale)}</td>
              <td>
                {d.capacityMinutes === 0
                  ? formatMinutes(d.loadMinutes)
                  : loadText(d.loadMinutes, d.capacityMinutes)}
              </td>
              <td>{d.level === null ? "Day off" : LOAD_LEVEL[d.level]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
