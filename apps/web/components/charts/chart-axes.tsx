import { AxisBottom, AxisLeft, type AxisScale, type TickFormatter } from "@visx/axis";
import type { ScaleInput } from "@visx/scale";
import { tickLabel } from "@atlas/ui";

/**
 * A chart's two axes in the house style: values on the left (labels only, no line or ticks), days
 * along the bottom (a baseline, no ticks). `xTicks` absent: one label per value of `x`.
 */
export function ChartAxes<X extends AxisScale, Y extends AxisScale>({
  x,
  y,
  height,
  xTicks,
  yTicks,
  xFormat,
  yFormat,
}: {
  x: X;
  y: Y;
  /** The plot's inner height, where the bottom axis goes. */
  height: number;
  xTicks?: ScaleInput<X>[];
  yTicks: ScaleInput<Y>[];
  xFormat: TickFormatter<ScaleInput<X>>;
  yFormat: TickFormatter<ScaleInput<Y>>;
}) {
  return (
    <>
      <AxisLeft
        scale={y}
        tickValues={yTicks}
        tickFormat={yFormat}
        hideAxisLine
        hideTicks
        tickLabelProps={tickLabel}
      />
      <AxisBottom
        top={height}
        scale={x}
        tickValues={xTicks}
        tickFormat={xFormat}
        hideTicks
        axisLineClassName="stroke-border"
        tickLabelProps={tickLabel}
      />
    </>
  );
}
