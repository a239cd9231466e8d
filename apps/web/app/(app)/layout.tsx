import { can } from "@atlas/api/permissions";
import { signOut } from "@atlas/next-app/actions";
import { getTheme, requireSession } from "@atlas/next-app/server";
import { Button, HeaderMenu, ThemeSelect } from "@atlas/ui";
import { OrganizationSwitcher, UserButton } from "@atlas/next-app/clerk-components";
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CommandBar } from "~/components/command/command-bar.tsx";
import { BellIcon } from "~/components/inbox/bell-icon.tsx";
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
  getUnreadCount,
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
];
/** Always in the menu (and so never crowding the header's one row). */
const MENU_NAV: readonly [Route, string][] = [["/settings", "Settings"]];
/** Owners and admins only (seeBilling). */
const BILLING: readonly [Route, string] = ["/billing" as Route, "Billing"];

/**
 * The signed-in shell: a one-row header with the main navigation (lg and up), the inbox, the
 * workspace switcher and the menu (Settings, Billing, the console, the theme, the member and sign
 * out; below lg every link too).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();

  const [workspaces, active, me] = await Promise.all([
    getWorkspaces(),
    getActiveWorkspace(),
    getMe(),
  ]);
  const [support, unread] = active
    ? await Promise.all([getActiveSupport(), getUnreadCount(active.id)])
    : [[], null];
  // Owners and admins while a payment fails, everyone while support can see the workspace:
  // dates and times in the reader's own zone.
  const pastDue = active?.dunning && active.dunning.stage !== "none" ? active.dunning : null;
  const timeZone = pastDue || support.length > 0 ? (await getMySettings()).timeZone : null;
  const showBilling =
    active !== null && can("seeBilling", { role: active.role, sharesProgress: false });
  const { adminUrl } = serverEnv();
  const showAdmin =
    adminUrl !== undefined &&
    workspaces.some((w) => can("adminConsole", { role: w.role, sharesProgress: false }));

  const theme = await getTheme();
  const switcherWorkspaces = workspaces.map(({ id, name, role }) => ({ id, name, role }));
  // Keyed by the active workspace: a switch draws the switcher anew, its popover closed.
  const switcher = (id: string) => (
    <WorkspaceSwitcher
      key={active?.id ?? "none"}
      id={id}
      workspaces={switcherWorkspaces}
      activeId={active?.id ?? null}
    />
  );

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        {/* One row at every width: below lg the links fold into the menu, never onto a new line. */}
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4 whitespace-nowrap">
          <Link
            href="/"
            className="flex h-14 shrink-0 items-center rounded-md text-base font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            Atlas
          </Link>
          <nav aria-label="Main" className="hidden min-w-0 items-center gap-1 lg:flex">
            {NAV.map(([href, label]) => (
              <NavLink key={href} href={href}>
                {label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {active ? (
              <CommandBar pages={[...NAV, ...MENU_NAV, ...(showBilling ? [BILLING] : [])]} />
            ) : null}
            {active && unread ? (
              <InboxBell workspaceId={active.id} initial={unread} icon={<BellIcon />} />
            ) : null}
            {session.via === "clerk" ? (
              <div className="hidden items-center gap-3 lg:flex">
                <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/" />
                <UserButton />
              </div>
            ) : (
              <div className="hidden lg:block">{switcher("workspaces-bar")}</div>
            )}
            <HeaderMenu
              id="header-menu"
              trigger={
                <>
                  <span aria-hidden className="text-lg leading-none lg:hidden">
                    ☰
                  </span>
                  <span className="lg:hidden">Menu</span>
                  {/* "Menu: Ada Lovelace" to a screen reader, the name alone on screen. */}
                  <span className="hidden max-w-40 truncate lg:inline">
                    <span className="sr-only">Menu: </span>
                    {me?.name ?? "Account"}
                  </span>
                </>
              }
            >
              <nav aria-label="Menu" className="flex flex-col gap-0.5">
                {NAV.map(([href, label]) => (
                  <NavLink key={href} href={href} className="lg:hidden">
                    {label}
                  </NavLink>
                ))}
                {MENU_NAV.map(([href, label]) => (
                  <NavLink key={href} href={href}>
                    {label}
                  </NavLink>
                ))}
                {showBilling ? <NavLink href={BILLING[0]}>{BILLING[1]}</NavLink> : null}
                {showAdmin ? (
                  <a
                    href={adminUrl}
                    className="rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                  >
                    Admin console
                  </a>
                ) : null}
              </nav>
              <div className="mt-2 flex flex-col gap-3 border-t border-border px-2.5 pt-3">
                {session.via === "clerk" ? (
                  <div className="flex items-center gap-3 lg:hidden">
                    <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/" />
                    <UserButton />
                  </div>
                ) : (
                  <div className="lg:hidden">{switcher("workspaces-menu")}</div>
                )}
                <ThemeSelect initial={theme} />
                {session.via === "clerk" ? null : (
                  <div className="flex items-center justify-between gap-3">
                    {me ? (
                      <span className="min-w-0 truncate text-sm">
                        Signed in as <span className="font-medium">{me.name}</span>
                      </span>
                    ) : null}
                    <form action={signOut} className="ml-auto">
                      <Button type="submit" variant="outline" size="sm">
                        Sign out
                      </Button>
                    </form>
                  </div>
                )}
              </div>
            </HeaderMenu>
          </div>
        </div>
      </header>
      {pastDue && timeZone ? <PastDueBanner dunning={pastDue} timeZone={timeZone} /> : null}
      {active && support.length > 0 && timeZone ? (
        <SupportBanner
          workspaceId={active.id}
          grants={support}
          isOwner={can("supportAccess", { role: active.role, sharesProgress: false })}
          timeZone={timeZone}
        />
      ) : null}
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
