import { NotFoundNotice, PlainNotFoundPage } from "@atlas/next-app/not-found-page";
import { getSession } from "@atlas/next-app/server";
import type { Metadata } from "next";
import AppLayout from "./(app)/layout.tsx";

export const metadata: Metadata = { title: "Page not found" };

/**
 * HTTP 404 for an address no page answers: inside the signed-in shell (header and navigation),
 * or a plain page when nobody is signed in. An unknown habit, goal or task inside the shell is
 * (app)/not-found.tsx.
 */
export default async function NotFound() {
  if (!(await getSession())) {
    return <PlainNotFoundPage brand="Atlas" home={{ href: "/", label: "Go to Atlas" }} />;
  }
  return (
    <AppLayout>
      <div className="mx-auto flex max-w-xl flex-col py-8">
        <NotFoundNotice home={{ href: "/", label: "Back to Today" }} />
      </div>
    </AppLayout>
  );
}
