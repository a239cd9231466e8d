import { can } from "@atlas/api/permissions";
import { signOut } from "@atlas/next-app/actions";
import { requireSession } from "@atlas/next-app/server";
import { Button } from "@atlas/ui";
import { OrganizationSwitcher, UserButton } from "@atlas/next-app/clerk-components";
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CommandBar } from "~/components/command/command-bar.tsx";
import { InboxBell } from "~/components/inbox/inbox-bell.tsx";
import { NavLink } from "~/components/nav-link.tsx";
import { WorkspaceSwitcher } from "~/components/workspace-switcher.tsx";
import { serverEnv } from "~/env.ts";
import { SupportBanner } from "~/components/support/support-banner.tsx";
import { PastDueBanner } from "~/components/billing/past-due-banner.tsx";
import {
  getActiveSupport,
  getActiveWorkspace,
  getMe,
  getMySettings,
  getWorkspaces,
} from "~/lib/data.ts";

const NAV: readonly [Route, string][] = [
  ["/", "Today"],
  ["/dashboard", "Dashboard"],
  ["/habits", "Habits"],
  ["/goals", "Goals"],
  ["/tasks", "Tasks"],
  ["/plan", "Plan"],
  ["/workspace", "Workspace"],
  ["/settings", "Settings"],
];

/** The signed-in shell: header with the main navigation, the workspace switcher and sign out. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();

  const [workspaces, active, me] = await Promise.all([
    getWorkspaces(),
    getActiveWorkspace(),
    getMe(),
  ]);
  const support = active ? await getActiveSupport() : [];
  // Owners and admins while a payment fails: dates in the reader's own zone.
  const pastDue = active?.dunning && active.dunning.stage !== "none" ? active.dunning : null;
  const timeZone = pastDue ? (await getMySettings()).timeZone : null;
  const showBilling =
    active !== null && can("seeBilling", { role: active.role, sharesProgress: false });
  const { adminUrl } = serverEnv();
  const showAdmin =
    adminUrl !== undefined &&
    workspaces.some((w) => can("adminConsole", { role: w.role, sharesProgress: false }));

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 px-4">
          <Link
            href="/"
            className="flex h-14 items-center rounded-md text-base font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            Atlas
          </Link>
          <nav
            aria-label="Main"
            className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-1 overflow-x-auto border-t border-border px-4 py-2 lg:order-none lg:mx-0 lg:w-auto lg:border-0 lg:px-0"
          >
            {NAV.map(([href, label]) => (
              <NavLink key={href} href={href}>
                {label}
              </NavLink>
            ))}
            {showBilling ? <NavLink href={"/billing" as Route}>Billing</NavLink> : null}
            {showAdmin ? (
              <a
                href={adminUrl}
                className="shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                Admin console
              </a>
            ) : null}
          </nav>
          <div className="ml-auto flex h-14 items-center gap-3">
            {active ? (
              <CommandBar pages={showBilling ? [...NAV, ["/billing", "Billing"]] : NAV} />
            ) : null}
            {active ? <InboxBell workspaceId={active.id} /> : null}
            {session.via === "clerk" ? (
              <>
                <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/" />
                <UserButton />
              </>
            ) : (
              <>
                <WorkspaceSwitcher
                  workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))}
                  activeId={active?.id ?? null}
                />
                {me ? (
                  <span className="hidden text-sm font-medium sm:inline">{me.name}</span>
                ) : null}
                <form action={signOut}>
                  <Button type="submit" variant="ghost" size="sm">
                    Sign out
                  </Button>
                </form>
              </>
            )}
          </div>
        </div>
      </header>
      {pastDue && timeZone ? <PastDueBanner dunning={pastDue} timeZone={timeZone} /> : null}
      {active ? (
        <SupportBanner
          workspaceId={active.id}
          grants={support}
          isOwner={can("supportAccess", { role: active.role, sharesProgress: false })}
        />
      ) : null}
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
