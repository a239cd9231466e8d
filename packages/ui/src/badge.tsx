import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

/** `.badge` and its tones in styles.css. */
export function Badge({
  className,
  tone = "neutral",
  ...props
}: ComponentProps<"span"> & { tone?: Tone }) {
  return <span className={cn("badge", `badge-${tone}`, className)} {...props} />;
}
