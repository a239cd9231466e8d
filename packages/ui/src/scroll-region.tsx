import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/**
 * A box that scrolls sideways on a narrow screen (a wide table, the heatmap). It is a named region
 * in the tab order, so a keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1;
 * axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className,
  ...props
}: ComponentProps<"div"> & { label: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("scroll-region", className)}
      {...props}
    />
  );
}
