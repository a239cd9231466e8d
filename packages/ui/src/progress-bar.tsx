import { cn } from "./cn.ts";

/**
 * A horizontal bar for a share of something (0–1), with `role="progressbar"` and its value as
 * text for assistive technology. `label` names it ("Progress of Run a marathon").
 */
export function ProgressBar({
  value,
  label,
  valueText,
  className,
  barClassName,
}: {
  value: number;
  label: string;
  valueText: string;
  className?: string;
  barClassName?: string;
}) {
  const clamped = Math.min(1, Math.max(0, value));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped * 100)}
      aria-valuetext={valueText}
      className={cn("progress", className)}
    >
      <div className={cn("progress-bar", barClassName)} style={{ width: `${clamped * 100}%` }} />
    </div>
  );
}
