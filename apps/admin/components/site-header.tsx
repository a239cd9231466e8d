import { signOut } from "@atlas/next-app/actions";
import { Button } from "@atlas/ui";
import { UserButton } from "@atlas/next-app/clerk-components";
import Link from "next/link";

/** The console's header: the product name, the way back to the web app, and sign out. */
export function SiteHeader({ via, webUrl }: { via: "clerk" | "dev" | null; webUrl: string }) {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Atlas <span className="font-normal text-muted-foreground">admin</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link href="/week" className="rounded-md px-2 py-1 hover:bg-muted">
            This week
          </Link>
          <Link href="/approvals" className="rounded-md px-2 py-1 hover:bg-muted">
            Approvals
          </Link>
          <a href={webUrl} className="rounded-md px-2 py-1 hover:bg-muted">
            Back to Atlas
          </a>
          <Link href="/platform/tenants" className="rounded-md px-2 py-1 hover:bg-muted">
            Platform
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {via === "clerk" ? <UserButton /> : null}
          {via === "dev" ? (
            <form action={signOut}>
              <Button type="submit" variant="ghost" size="sm">
                Sign out
              </Button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
