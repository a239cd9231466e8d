import { authEnv, authProvider } from "@atlas/auth";
import type { ReactNode } from "react";
import { ClerkProvider } from "./clerk-components.tsx";

/** The document every app's root layout renders: <html>, <body> and, when in use, Clerk. */
export function RootShell({ children }: { children: ReactNode }) {
  // Clerk is mounted only when it is the sign-in in use (it loads clerk-js from its CDN).
  const config = authProvider() === "clerk" ? authEnv() : undefined;
  return (
    <html lang="en">
      <body className="min-h-dvh bg-background text-foreground">
        {config?.provider === "clerk" ? (
          <ClerkProvider
            publishableKey={config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}
            signInUrl="/sign-in"
          >
            {children}
          </ClerkProvider>
        ) : (
          children
        )}
      </body>
    </html>
  );
}
