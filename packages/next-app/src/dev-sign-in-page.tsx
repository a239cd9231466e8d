import { listDevUsers } from "@atlas/auth";
import { DevSignIn } from "@atlas/ui";
import type { Metadata } from "next";
import { signInAs } from "./actions.ts";
import { requireDevSignIn } from "./dev-session.ts";

export const metadata: Metadata = { title: "Dev sign-in" };

/** Embedded and test mode only (404 otherwise): sign in as any seeded user. */
export default async function DevSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  requireDevSignIn();
  const [users, { next, error }] = await Promise.all([listDevUsers(), searchParams]);
  return (
    <DevSignIn
      users={users}
      action={signInAs}
      next={next}
      error={error ? "That user no longer exists; choose another." : undefined}
    />
  );
}
