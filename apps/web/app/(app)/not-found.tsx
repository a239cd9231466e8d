import { Card, CardDescription, CardHeader, buttonVariants } from "@atlas/ui";
import Link from "next/link";

/** HTTP 404 for an unknown habit, goal or task (or one in another workspace). */
export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col py-8">
      <Card>
        <CardHeader>
          <h1 className="text-xl font-semibold leading-tight">Not found</h1>
          <CardDescription>
            There is nothing here in this workspace. It may have been archived, or it belongs to
            another workspace.
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
