import { NotFoundNotice, PlainNotFoundPage } from "@atlas/next-app/not-found-page";
import { getSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";

export const metadata: Metadata = { title: "Page not found" };

/** HTTP 404 (an unknown address, member or habit): under the console's header when signed in. */
export default async function NotFound() {
  const session = await getSession();
  const home = { href: "/", label: "Back to your members" };
  const brand = (
    <>
      Atlas <span className="font-normal text-muted-foreground">admin</span>
    </>
  );
  if (!session) return <PlainNotFoundPage brand={brand} home={home} />;
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main id="main" className="mx-auto flex w-full max-w-xl flex-1 items-start px-4 py-8">
        <NotFoundNotice home={home} />
      </main>
    </div>
  );
}
