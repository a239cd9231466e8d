import { Card, CardDescription, CardHeader, buttonVariants } from "@atlas/ui";
import type { ReactNode } from "react";

export interface WayHome {
  href: string;
  label: string;
}

/** HTTP 404's words, with the way home. */
export function NotFoundNotice({ home }: { home: WayHome }) {
  return (
    <Card className="w-full">
      <CardHeader>
        <h1 className="text-xl font-semibold leading-tight">Page not found</h1>
        <CardDescription>
          There is nothing at this address: the link may be mistyped, or what it pointed to has
          moved or is gone.
        </CardDescription>
      </CardHeader>
      <div className="px-5 pb-5">
        <a href={home.href} className={buttonVariants({ variant: "primary" })}>
          {home.label}
        </a>
      </div>
    </Card>
  );
}

/**
 * The 404 page outside an app's shell (nobody signed in): the product's name in a plain header,
 * then the notice.
 */
export function PlainNotFoundPage({ brand, home }: { brand: ReactNode; home: WayHome }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4">
          <a href="/" className="text-base font-semibold tracking-tight">
            {brand}
          </a>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-xl flex-1 items-start px-4 py-8">
        <NotFoundNotice home={home} />
      </main>
    </div>
  );
}
