import { isTRPCError, requireSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { SiteHeader } from "~/components/site-header.tsx";
import { WeekSummaryCard } from "~/components/week-summary.tsx";
import { serverEnv } from "~/env.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "This week" };

/**
 * Each coached workspace's last finished week (docs/domain.md "Weekly summary"): the stored
 * summary, computed on demand when the weekly job has not stored it yet.
 */
export default async function WeekPage() {
  const session = await requireSession();

  let summaries;
  try {
    summaries = await (await getApi()).week.list();
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    throw error;
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">This week</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Last week in each workspace you coach: progress, the plans for this week, and problems.
          </p>
        </div>
        {summaries.length === 0 ? (
          <p className="text-sm text-muted-foreground">You coach no workspace yet.</p>
        ) : (
          <ul className="space-y-6">
            {summaries.map((summary) => (
              <li key={summary.workspace.id}>
                <WeekSummaryCard summary={summary} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
