import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

const LINK = "text-sm font-medium text-primary hover:underline";

/** A list page's heading, with its one link at the end of the line ("New task", "Show archived …"). */
export function ListHeader({ title, href, link }: { title: string; href: Route; link: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {href.startsWith("#") ? (
        // A part of this page (a form that opens from its address): the browser's own jump.
        <a href={href} className={LINK}>
          {link}
        </a>
      ) : (
        <Link href={href} className={LINK}>
          {link}
        </Link>
      )}
    </div>
  );
}

/**
 * A plan's page heading: the link back to its list ("← Goals"), the title with its `badges`, then
 * `children` (what it is, in a line or two).
 */
export function PlanHeader({
  back,
  list,
  title,
  badges,
  children,
}: {
  back: Route;
  list: string;
  title: string;
  badges: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Link href={back} className={LINK}>
        {`← ${list}`}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {badges}
      </div>
      {children}
    </div>
  );
}
