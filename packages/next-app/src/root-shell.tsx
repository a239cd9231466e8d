import { authEnv, authProvider } from "@atlas/auth";
import { LocaleProvider } from "@atlas/ui/locale";
import type { ReactNode } from "react";
import { ClerkProvider } from "./clerk-components.tsx";
import { getLocale, getTheme } from "./server.ts";

/** The document every app's root layout renders: <html>, <body> and, when in use, Clerk. */
export async function RootShell({ children }: { children: ReactNode }) {
  // Clerk is mounted only when it is the sign-in in use (it loads clerk-js from its CDN).
  const config = authProvider() === "clerk" ? authEnv() : undefined;
  // The words are English whatever the date locale. Read on the server so the first paint has the right theme and dates (no flash, no script);
  // "system" leaves data-theme off and the stylesheet follows prefers-color-scheme.
  const [locale, theme] = await Promise.all([getLocale(), getTheme()]);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh bg-background text-foreground">
        <LocaleProvider locale={locale}>
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
        </LocaleProvider>
      </body>
    </html>
  );
}
