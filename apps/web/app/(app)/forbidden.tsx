import type { Metadata } from "next";
import { NoticePage } from "~/components/notice-page.tsx";

export const metadata: Metadata = { title: "Not shared" };

/**
 * HTTP 403 (`forbidden()` in lib/plans.ts): another member's habit, goal or task, in a workspace
 * that does not share progress between members.
 */
export default function Forbidden() {
  return (
    <NoticePage title="This workspace does not share progress">
      This belongs to another member. In this workspace members see only their own habits, goals and
      tasks; coaches, admins and owners see everyone&apos;s. An owner or admin can turn on sharing
      in Settings.
    </NoticePage>
  );
}
