import "@fontsource-variable/inter";
import "./globals.css";
import { appViewport } from "@atlas/next-app/branding";
import { RootShell } from "@atlas/next-app/root-shell";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Atlas admin", template: "%s · Atlas admin" },
  description: "Atlas admin: the coach console.",
};

export const viewport: Viewport = appViewport;

export default function RootLayout({ children }: { children: ReactNode }) {
  return <RootShell>{children}</RootShell>;
}
