import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn("control control-multiline", className)} {...props} />;
}
