import { cn } from "./cn.ts";
import type { ReactNode } from "react";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Three drawings of each chart, for the width of its own container (CSS container queries): the
 * text stays between about 0.8× and 1.3× its size whether the chart fills a phone, half a laptop
 * or all of it.
 */
const SIZES = [
  { width: 360, height: 210, className: "@md:hidden" },
  { width: 540, height: 230, className: "hidden @md:block @2xl:hidden" },
  { width: 720, height: 250, className: "hidden @2xl:block" },
] as const;

/**
 * A chart rendered on the server as plain SVG, in the drawing that fits its container (the others
 * are display: none, so outside the accessibility tree too), `role="img"` named by `label`, plus
 * `table`: the data for screen readers (visually hidden). The viewBox fixes the aspect ratio, so
 * nothing shifts when it loads.
 */
export function ChartFrame({
  label,
  render,
  table,
  className,
}: {
  label: string;
  render: (size: ChartSize) => ReactNode;
  table: ReactNode;
  className?: string;
}) {
  return (
    <figure className={cn("m-0 @container", className)}>
      {SIZES.map(({ width, height, className: shown }) => (
        <div key={width} className={shown}>
          <svg
            role="img"
            aria-label={label}
            viewBox={`0 0 ${width} ${height}`}
            className="block h-auto w-full"
          >
            {/* The figure is one image to assistive technology: its parts (visx draws each tick
                label as a nested <svg>, which browsers expose as images) stay out of the tree. */}
            <g aria-hidden="true">{render({ width, height })}</g>
          </svg>
        </div>
      ))}
      <div className="sr-only">{table}</div>
    </figure>
  );
}

/** A visually hidden data table: one caption, the column headers, the rows. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Axis tick labels: small, muted, from the theme. */
export const tickLabel = {
  className: "fill-muted-foreground",
  fontSize: 11,
  fontFamily: "inherit",
} as const;
