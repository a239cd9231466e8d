import { isTRPCError, requireSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Portfolio } from "~/components/portfolio.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Your workspaces" };

export default async function PortfolioPage() {
  const session = await requireSession();

  let workspaces;
  try {
    workspaces = await (await getApi()).portfolio.workspaces();
  } catch (error) {
    // The API's answer for someone who coaches nothing: app/forbidden.tsx, HTTP 403.
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    throw error;
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            The workspaces you coach, administer or own.
          </p>
        </div>
        <Portfolio initial={workspaces} />
      </main>
    </div>
  );
}
