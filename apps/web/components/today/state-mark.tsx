import { cn } from "@atlas/ui";

/** A round mark of an item's state today (decorative: the row says the state in words). */
export function StateMark({ state }: { state: "pending" | "met" | "partial" | "skipped" }) {
  return (
    <span
      aria-hidden
      className={cn(
        "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold",
        state === "met" && "border-success bg-success text-success-foreground",
        state === "partial" && "border-success text-success",
        state === "skipped" && "border-muted-foreground/50 text-muted-foreground",
        state === "pending" && "border-input",
      )}
    >
      {state === "met" ? "✓" : state === "partial" ? "½" : state === "skipped" ? "–" : null}
    </span>
  );
}
