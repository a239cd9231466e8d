import type { ReactNode } from "react";
import { getTask } from "~/lib/plans.ts";

/** Access first, before the page's loading boundary streams: a refusal is a real 403 or 404. */
export default async function TaskLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ taskId: string }>;
}) {
  await getTask((await params).taskId);
  return children;
}
