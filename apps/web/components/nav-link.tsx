"use client";

import { cn } from "@atlas/ui";
import type { Route } from "next";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * While the page it opens is on its way: a pulsing dot after the name (Today and the dashboard
 * render whole on the server, with no skeleton, so the link itself shows the wait).
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span
      aria-hidden
      className="ml-1.5 inline-block size-1.5 animate-pulse rounded-full bg-current align-middle"
    />
  ) : null;
}

/** A main-navigation link that marks itself as the current page (aria-current). */
export function NavLink({
  href,
  children,
  className,
}: {
  href: Route;
  children: ReactNode;
  className?: string;
}) {
  const pathname = usePathname();
  const isCurrent = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        isCurrent ? "bg-secondary text-secondary-foreground" : "text-muted-foreground",
        className,
      )}
    >
      {children}
      <Pending />
    </Link>
  );
}
