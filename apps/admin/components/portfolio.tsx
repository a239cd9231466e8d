import type { AdminRouterOutputs } from "@atlas/api";
import { Badge, Button, Input, Label, NativeSelect, Sparkline, buttonVariants } from "@atlas/ui";
import type { Route } from "next";
import Link from "next/link";
import { MemberStatusDialog } from "~/components/member-status-dialog.tsx";
import { PortfolioKeys } from "~/components/portfolio-keys.tsx";
import {
  FLAG_LABEL,
  FLAG_TONE,
  LOAD_LABEL,
  lastCheckInWords,
  memberHref,
  statusWords,
  type CoachFlag,
  type PortfolioItem,
} from "~/lib/portfolio-labels.ts";

type Page = AdminRouterOutputs["portfolio"]["list"];

export interface PortfolioFilters {
  workspaceId?: string;
  flag?: CoachFlag;
  search?: string;
}

/** Filters as a plain GET form: the page is rendered on the server from its query string. */
export function PortfolioFilterForm({
  workspaces,
  filters,
}: {
  workspaces: Page["workspaces"];
  filters: PortfolioFilters;
}) {
  return (
    <form role="search" method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-workspace">Workspace</Label>
        <NativeSelect
          id="filter-workspace"
          name="workspace"
          defaultValue={filters.workspaceId ?? ""}
          options={[
            { value: "", label: "All workspaces" },
            ...workspaces.map((w) => ({ value: w.id, label: w.name })),
          ]}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-flag">Flag</Label>
        <NativeSelect
          id="filter-flag"
          name="flag"
          defaultValue={filters.flag ?? ""}
          options={[
            { value: "", label: "Any flag" },
            ...Object.entries(FLAG_LABEL).map(([value, label]) => ({ value, label })),
          ]}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-search">Name</Label>
        <Input
          id="filter-search"
          name="q"
          type="search"
          placeholder="Search by name"
          defaultValue={filters.search ?? ""}
        />
      </div>
      <Button type="submit" variant="outline">
        Filter
      </Button>
    </form>
  );
}

function Flags({ item }: { item: PortfolioItem }) {
  if (item.status) return <Badge tone="info">{statusWords(item.status)}</Badge>;
  if (item.flags.length === 0)
    return <span className="text-sm text-muted-foreground">No flags</span>;
  return (
    <ul className="flex flex-col gap-1" aria-label="Flags">
      {item.flags.map((f) => (
        <li key={f.flag} className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={FLAG_TONE[f.flag]}>{FLAG_LABEL[f.flag]}</Badge>
          <span className="text-muted-foreground">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}

function Row({ item, rank, now }: { item: PortfolioItem; rank: number; now: Date }) {
  const consistency = item.consistency === null ? "—" : `${Math.round(item.consistency * 100)}%`;
  return (
    <li
      aria-labelledby={`member-${rank}`}
      className="grid gap-3 border-b border-border px-3 py-3 focus-within:bg-muted sm:grid-cols-[3rem_minmax(10rem,1.2fr)_2fr_auto]"
    >
      <div className="text-lg font-semibold tabular-nums" aria-label={`Risk ${item.riskScore}`}>
        {item.riskScore}
      </div>
      <div className="flex flex-col gap-0.5">
        <Link
          id={`member-${rank}`}
          href={memberHref(item) as Route}
          data-portfolio-member
          className="font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
        >
          {item.name}
        </Link>
        <span className="text-xs text-muted-foreground">{item.workspaceName}</span>
      </div>
      <div className="flex flex-col gap-2">
        <Flags item={item} />
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          <div className="flex items-center gap-1">
            <dt className="sr-only">Score, last 14 days</dt>
            <dd>
              <Sparkline points={item.sparkline} label="Score, last 14 days" />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Consistency</dt>
            <dd className="font-medium text-foreground">{consistency}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Streaks at risk</dt>
            <dd className="font-medium text-foreground">{item.streaksAtRisk}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Load</dt>
            <dd className="font-medium text-foreground">{LOAD_LABEL[item.overload.level]}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Last check-in</dt>
            <dd className="font-medium text-foreground">
              {item.lastCheckInAt ? (
                <time dateTime={item.lastCheckInAt.toISOString()}>
                  {lastCheckInWords(item.lastCheckInAt, now)}
                </time>
              ) : (
                "Never"
              )}
            </dd>
          </div>
        </dl>
      </div>
      <div>
        <MemberStatusDialog item={item} />
      </div>
    </li>
  );
}

/** The ranked members, highest risk first; j/k or the arrow keys move, Enter opens. */
export function Portfolio({
  page,
  now,
  nextHref,
}: {
  page: Page;
  now: Date;
  nextHref: string | null;
}) {
  if (page.items.length === 0) {
    return <p className="text-sm text-muted-foreground">No members match.</p>;
  }
  return (
    <PortfolioKeys>
      <p id="portfolio-help" className="mb-2 text-xs text-muted-foreground">
        {page.total} {page.total === 1 ? "member" : "members"}, highest risk first. Press j or ↓ for
        the next, k or ↑ for the previous, Enter to open.
      </p>
      <ol
        aria-label="Members by risk"
        aria-describedby="portfolio-help"
        className="rounded-lg border border-border bg-surface"
      >
        {page.items.map((item, i) => (
          <Row key={`${item.workspaceId}/${item.memberId}`} item={item} rank={i} now={now} />
        ))}
      </ol>
      {nextHref ? (
        <div className="mt-4 flex justify-end">
          <Link href={nextHref as Route} className={buttonVariants({ variant: "outline" })}>
            Next page
          </Link>
        </div>
      ) : null}
    </PortfolioKeys>
  );
}
