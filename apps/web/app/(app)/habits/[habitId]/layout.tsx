import type { ReactNode } from "react";
import { getHabit } from "~/lib/plans.ts";

/**
 * Checks access before anything streams, so a refusal is a real HTTP 403 (or 404): the page
 * below sits in its own loading boundary, after which the status is already sent.
 */
export default async function HabitLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ habitId: string }>;
}) {
  await getHabit((await params).habitId);
  return children;
}
