import { getSession } from "@atlas/next-app/server";
import { Card, CardContent, CardDescription, CardHeader, buttonVariants } from "@atlas/ui";
import type { Metadata } from "next";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";

export const metadata: Metadata = { title: "For coaches" };

/** HTTP 403: signed in, but coaching, administering or owning no workspace. */
export default async function Forbidden() {
  const session = await getSession();
  const { webUrl } = serverEnv();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session?.via ?? null} webUrl={webUrl} />
      <main className="mx-auto flex w-full max-w-xl flex-1 items-center px-4 py-8">
        <Card className="w-full">
          <CardHeader>
            <h1 className="text-xl font-semibold leading-tight">Atlas admin is for coaches</h1>
            <CardDescription>
              You do not coach, administer or own any workspace, so there is nothing to show here.
              Your goals, habits and tasks are in the Atlas app.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <a href={webUrl} className={buttonVariants({ variant: "primary" })}>
              Go to Atlas
            </a>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
