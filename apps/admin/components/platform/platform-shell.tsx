import { isTRPCError, requireSession } from "@atlas/next-app/server";
import Link from "next/link";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";

const TABS = [
  ["/platform/tenants", "Tenants"],
  ["/platform/audit", "Audit log"],
  ["/platform/support", "Support access"],
] as const;

/** The platform admin's frame: the console's header, the platform's tabs and the page. */
export async function PlatformShell({
  title,
  description,
  banner,
  children,
}: {
  title: string;
  description: string;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const session = await requireSession();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      {banner}
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <nav aria-label="Platform" className="mb-6 flex gap-1 text-sm">
          {TABS.map(([href, label]) => (
            <Link key={href} href={href} className="rounded-md px-2.5 py-1.5 hover:bg-muted">
              {label}
            </Link>
          ))}
        </nav>
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{description}</p>
        </div>
        {children}
      </main>
    </div>
  );
}

/** Calls a platform route; a refusal (not staff) is the app's 403 page. */
export async function platformCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    throw error;
  }
}
