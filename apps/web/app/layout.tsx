import "@fontsource-variable/inter";
import "./globals.css";
import { appViewport } from "@atlas/next-app/branding";
import { RootShell } from "@atlas/next-app/root-shell";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Atlas", template: "%s · Atlas" },
  description: "The execution OS for teams and their coaches.",
};

export const viewport: Viewport = appViewport;

export default function RootLayout({ children }: { children: ReactNode }) {
  return <RootShell>{children}</RootShell>;
}
