import type { ReactNode } from "react";
import { getGoal } from "~/lib/plans.ts";

/** Access first, before the page's loading boundary streams: a refusal is a real 403 or 404. */
export default async function GoalLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ goalId: string }>;
}) {
  await getGoal((await params).goalId);
  return children;
}
