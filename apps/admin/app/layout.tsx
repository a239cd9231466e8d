import "@fontsource-variable/inter";
import "./globals.css";
import { authEnv, authProvider } from "@atlas/auth";
import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/lib/trpc/react.tsx";

export const metadata: Metadata = {
  title: { default: "Atlas admin", template: "%s · Atlas admin" },
  description: "Atlas admin: the coach console.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const content = <TRPCReactProvider>{children}</TRPCReactProvider>;
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
            {content}
          </ClerkProvider>
        ) : (
          content
        )}
      </body>
    </html>
  );
}
