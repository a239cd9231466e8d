import { signOut } from "@atlas/next-app/actions";
import { UserButton } from "@atlas/next-app/clerk-components";
import { getTheme } from "@atlas/next-app/server";
import { Button, HeaderMenu, ThemeSelect, cn } from "@atlas/ui";
import Link from "next/link";

const LINK =
  "rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** The console's links; Back to Atlas leaves for the web app. */
function Links({ webUrl, className }: { webUrl: string; className?: string }) {
  return (
    <>
      <Link href="/week" className={cn(LINK, className)}>
        This week
      </Link>
      <Link href="/approvals" className={cn(LINK, className)}>
        Approvals
      </Link>
      <Link href="/platform/tenants" className={cn(LINK, className)}>
        Platform
      </Link>
      <a href={webUrl} className={cn(LINK, className)}>
        Back to Atlas
      </a>
    </>
  );
}

/**
 * The console's header, one row at every width: the product name, the links (lg and up; below lg
 * in the menu), and the menu with the theme and sign out.
 */
export async function SiteHeader({ via, webUrl }: { via: "clerk" | "dev" | null; webUrl: string }) {
  const theme = await getTheme();
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4 whitespace-nowrap">
        <Link href="/" className="shrink-0 text-base font-semibold tracking-tight">
          Atlas <span className="font-normal text-muted-foreground">admin</span>
        </Link>
        <nav aria-label="Main" className="hidden min-w-0 items-center gap-1 lg:flex">
          <Links webUrl={webUrl} />
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          {via === "clerk" ? <UserButton /> : null}
          <HeaderMenu
            id="header-menu"
            trigger={
              <>
                <span aria-hidden className="text-lg leading-none">
                  ☰
                </span>
                Menu
              </>
            }
          >
            <nav aria-label="Menu" className="flex flex-col gap-0.5 lg:hidden">
              <Links webUrl={webUrl} />
            </nav>
            <div className="flex flex-col gap-3 px-2.5 py-2 max-lg:mt-2 max-lg:border-t max-lg:border-border max-lg:pt-3">
              <ThemeSelect initial={theme} />
              {via === "dev" ? (
                <form action={signOut} className="ml-auto">
                  <Button type="submit" variant="outline" size="sm">
                    Sign out
                  </Button>
                </form>
              ) : null}
            </div>
          </HeaderMenu>
        </div>
      </div>
    </header>
  );
}
