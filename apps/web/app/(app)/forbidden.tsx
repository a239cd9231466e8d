import { Card, CardDescription, CardHeader, buttonVariants } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not shared" };

/**
 * HTTP 403 (`forbidden()` in lib/plans.ts): another member's habit, goal or task, in a workspace
 * that does not share progress between members.
 */
export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-xl flex-col py-8">
      <Card>
        <CardHeader>
          <h1 className="text-xl font-semibold leading-tight">
            This workspace does not share progress
          </h1>
          <CardDescription>
            This belongs to another member. In this workspace members see only their own habits,
            goals and tasks; coaches, admins and owners see everyone&apos;s. An owner or admin can
            turn on sharing in Settings.
          </CardDescription>
        </CardHeader>
        <div className="px-5 pb-5">
          <Link href="/" className={buttonVariants({ variant: "primary" })}>
            Back to Today
          </Link>
        </div>
      </Card>
    </div>
  );
}
