import { authProvider } from "@atlas/auth";
import { SignIn } from "@clerk/nextjs";
import { notFound } from "next/navigation";
import { connection } from "next/server";

export default async function ClerkSignInPage() {
  await connection(); // the sign-in in use is decided at run time, not at build
  if (authProvider() !== "clerk") notFound();
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      {/* Hash routing keeps every step of Clerk's flow on this one route. */}
      <SignIn routing="hash" />
    </main>
  );
}
