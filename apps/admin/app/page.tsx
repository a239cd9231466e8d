import { isTRPCError, requireSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Portfolio, PortfolioFilterForm, type PortfolioFilters } from "~/components/portfolio.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";
import { FLAG_LABEL, type CoachFlag } from "~/lib/portfolio-labels.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Your members" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value !== "" ? value : undefined;

/** The coach's portfolio: every member they coach, ranked by risk (docs/domain.md "Coach risk"). */
export default async function PortfolioPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const params = await searchParams;
  const flag = one(params.flag);
  const filters: PortfolioFilters = {
    workspaceId: one(params.workspace),
    flag: flag && flag in FLAG_LABEL ? (flag as CoachFlag) : undefined,
    search: one(params.q)?.slice(0, 100),
  };
  const cursor = one(params.cursor);

  let page;
  try {
    page = await (await getApi()).portfolio.list({ ...filters, cursor, limit: 50 });
  } catch (error) {
    // The API's answer for someone who coaches nothing: app/forbidden.tsx, HTTP 403.
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    throw error;
  }
  const next = new URLSearchParams();
  if (filters.workspaceId) next.set("workspace", filters.workspaceId);
  if (filters.flag) next.set("flag", filters.flag);
  if (filters.search) next.set("q", filters.search);
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">Your members</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Everyone in the workspaces you coach, administer or own, ranked by risk.
          </p>
        </div>
        {page.workspaces
          .filter((w) => w.lockedMessage !== null)
          .map((w) => (
            // A workspace whose plan lacks the coach console: listed, not its members.
            <p key={w.id} role="note" className="mb-4 rounded-md border px-3 py-2 text-sm">
              <span className="font-medium">{w.name}</span> is locked: {w.lockedMessage}
            </p>
          ))}
        <PortfolioFilterForm
          workspaces={page.workspaces.filter((w) => w.lockedMessage === null)}
          filters={filters}
        />
        <Portfolio
          page={page}
          now={new Date()}
          nextHref={page.nextCursor ? `/?${next.toString()}` : null}
        />
      </main>
    </div>
  );
}
