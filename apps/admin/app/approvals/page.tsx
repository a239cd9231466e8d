import { getLocale, isTRPCError, requireSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApprovalCard } from "~/components/approval-card.tsx";
import { ApprovalQueue } from "~/components/approval-queue.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Approvals" };

/**
 * AI suggestions waiting for a coach in the workspaces you coach (docs/domain.md "AI
 * suggestions" → "The approval queue"), oldest first, 50 a page. A plan without the queue says
 * which plan has it.
 */
export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const session = await requireSession();
  const locale = await getLocale();
  const { cursor } = await searchParams;
  let page = null;
  let refusal: string | null = null;
  try {
    page = await (await getApi()).approvals.list({ cursor: cursor || undefined, limit: 50 });
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    if (!isTRPCError(error, "PAYMENT_REQUIRED")) throw error;
    refusal = error.message;
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
          <p className="mt-1 max-w-prose text-sm text-muted-foreground">
            AI suggestions for members whose acceptance is below the workspace&apos;s threshold.
            Approve to hand one to the member, who still decides each item; reject to close it.
          </p>
        </div>
        {refusal !== null ? (
          <p role="alert" className="text-sm">
            {refusal}
          </p>
        ) : page === null || page.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing waits for your review.</p>
        ) : (
          <ApprovalQueue
            key={page.items.map((i) => i.id).join()}
            entries={page.items.map((entry) => ({
              id: entry.id,
              workspaceId: entry.workspace.id,
              itemKeys: entry.preview.items.map((item) => item.key),
            }))}
          >
            <ul className="flex flex-col gap-4">
              {page.items.map((entry) => (
                <li key={entry.id}>
                  <ApprovalCard entry={entry} locale={locale} />
                </li>
              ))}
            </ul>
          </ApprovalQueue>
        )}
        {page?.nextCursor ? (
          <Link
            href={`/approvals?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="mt-6 inline-block text-sm font-medium text-primary hover:underline"
          >
            More
          </Link>
        ) : null}
      </main>
    </div>
  );
}
