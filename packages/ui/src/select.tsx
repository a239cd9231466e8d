import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

export interface SelectOption {
  value: string;
  label: string;
}

export interface NativeSelectProps extends Omit<ComponentProps<"select">, "children"> {
  options: readonly SelectOption[];
}

/**
 * A styled native <select>: long lists (every IANA time zone) stay fast, type-to-find and
 * screen readers work as the platform does, and it posts with a plain form.
 */
export function NativeSelect({ className, options, ...props }: NativeSelectProps) {
  return (
    <select className={cn("control pr-8", className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
