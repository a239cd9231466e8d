import { cn } from "@atlas/ui";
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

/**
 * One habit or task on Today: its card (green-edged once done), then the last write's error.
 * j/k move focus between cards (today-keys.tsx); a card's controls name their key.
 */
export function RowCard({
  done,
  gap,
  error,
  children,
}: {
  done: boolean;
  gap: "gap-2" | "gap-3";
  error: string | null;
  children: ReactNode;
}) {
  return (
    <li
      data-today-row
      tabIndex={-1}
      className={cn(
        `flex flex-col ${gap} rounded-lg border bg-surface p-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring`,
        done ? "border-success/40" : "border-border",
      )}
    >
      {children}
      {error ? (
        <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** A row's name, linking to its page. */
export function RowTitle<T extends string>({
  href,
  className,
  children,
}: {
  href: Route<T>;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <h3 className={cn("font-medium leading-snug", className)}>
      <Link
        href={href}
        className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {children}
      </Link>
    </h3>
  );
}
