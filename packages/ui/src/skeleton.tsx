import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** A placeholder block of a loading page; give it the height of what it stands for. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("skeleton", className)} {...props} />;
}
