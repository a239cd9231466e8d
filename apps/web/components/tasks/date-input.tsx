import { Input } from "@atlas/ui";
import type { ComponentProps } from "react";

/** A local date field ("YYYY-MM-DD"; empty: none) for inline edits. */
export function DateInput(props: Omit<ComponentProps<"input">, "type">) {
  return <Input type="date" {...props} />;
}
