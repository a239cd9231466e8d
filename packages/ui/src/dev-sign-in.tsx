import { Card, CardDescription, CardHeader, CardTitle } from "./card.tsx";

export interface DevSignInUser {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  memberships: { workspaceId: string; workspaceName: string; role: string }[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The local dev sign-in (embedded and test mode): one button per seeded user. `action` is the
 * app's server action; it receives `userId` (and `next`, the page to return to).
 */
export function DevSignIn({
  users,
  action,
  next,
  error,
}: {
  users: readonly DevSignInUser[];
  action: (formData: FormData) => Promise<void>;
  next?: string;
  error?: string;
}) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Atlas</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Local dev sign-in: choose a seeded user. It signs you in to both apps on this machine.
        </p>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {users.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>No users yet</CardTitle>
            <CardDescription>Seed the database: pnpm db:seed</CardDescription>
          </CardHeader>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {users.map((user) => (
            <li key={user.id}>
              <form action={action}>
                <input type="hidden" name="userId" value={user.id} />
                {next ? <input type="hidden" name="next" value={next} /> : null}
                <button
                  type="submit"
                  className="flex w-full cursor-pointer flex-col gap-1 rounded-lg border border-border bg-surface p-4 text-left shadow-sm transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                >
                  <span className="font-semibold">{user.name}</span>
                  <span className="text-sm text-muted-foreground">{user.email}</span>
                  <span className="text-sm">
                    {user.memberships.length === 0
                      ? "No workspace"
                      : user.memberships
                          .map((m) => `${m.workspaceName} (${capitalized(m.role)})`)
                          .join(", ")}
                    {user.isPlatformAdmin ? " · platform admin" : ""}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
