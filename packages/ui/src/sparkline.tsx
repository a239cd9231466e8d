import { cn } from "./cn.ts";

export interface SparklinePoint {
  /** A label for the point (its local date). */
  date: string;
  /** 0–100, or null for a day without a score. */
  score: number | null;
}

const WIDTH = 112;
const HEIGHT = 28;
const PAD = 2;

/**
 * A score sparkline (docs/adr/0004): plain SVG from the server with a fixed viewBox, `role="img"`
 * with a summary, and the numbers in a visually hidden table. Days without a score break the line.
 */
export function Sparkline({
  points,
  label,
  className,
}: {
  points: readonly SparklinePoint[];
  /** What the chart shows, e.g. "Score, last 14 days". */
  label: string;
  className?: string;
}) {
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const y = (score: number) => PAD + ((100 - score) / 100) * (HEIGHT - 2 * PAD);
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.score === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"}${(PAD + i * step).toFixed(1)} ${y(p.score).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const scored = points.filter((p) => p.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const summary =
    first && last ? `${label}: from ${first.score} to ${last.score}` : `${label}: no scored days`;
  return (
    <span className={cn("inline-block", className)}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        className="text-primary"
      >
        <line
          x1={0}
          x2={WIDTH}
          y1={y(50)}
          y2={y(50)}
          className="stroke-border"
          strokeDasharray="2 2"
        />
        {segments.map((d) => (
          <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={1.5} />
        ))}
        {scored.length === 1 && first ? (
          <circle
            cx={PAD + points.indexOf(first) * step}
            cy={y(first.score!)}
            r={1.5}
            fill="currentColor"
          />
        ) : null}
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{p.date}</th>
              <td>{p.score === null ? "no score" : `${p.score}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </span>
  );
}
