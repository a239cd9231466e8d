import { can } from "@atlas/api/permissions";
import { signOut } from "@atlas/next-app/actions";
import { requireSession } from "@atlas/next-app/server";
import { Button } from "@atlas/ui";
import { OrganizationSwitcher, UserButton } from "@clerk/nextjs";
import Link from "next/link";
import type { ReactNode } from "react";
import { WorkspaceSwitcher } from "~/components/workspace-switcher.tsx";
import { serverEnv } from "~/env.ts";
import { getActiveWorkspace, getMembers, getWorkspaces } from "~/lib/data.ts";

/** The signed-in shell: header with the workspace switcher, the user's name and sign out. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();

  const [workspaces, active] = await Promise.all([getWorkspaces(), getActiveWorkspace()]);
  const me = active
    ? (await getMembers()).find((member) => member.id === session.userId)
    : undefined;
  const { adminUrl } = serverEnv();
  const showAdmin =
    adminUrl !== undefined &&
    workspaces.some((w) => can("adminConsole", { role: w.role, sharesProgress: false }));

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Atlas
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            <Link href="/" className="rounded-md px-2 py-1 hover:bg-muted">
              Home
            </Link>
            <Link href="/settings" className="rounded-md px-2 py-1 hover:bg-muted">
              Settings
            </Link>
            {showAdmin ? (
              <a href={adminUrl} className="rounded-md px-2 py-1 hover:bg-muted">
                Admin console
              </a>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3">
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
                {me ? <span className="text-sm font-medium">{me.name}</span> : null}
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
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
    </div>
  );
}
