"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE } from "./preferences.ts";

const LocaleContext = createContext(DEFAULT_LOCALE);

/** The request's locale (resolved on the server) for client components: the root shell sets it. */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

/** The locale dates are written in; server components ask `getLocale()` instead. */
export function useLocale(): string {
  return useContext(LocaleContext);
}
