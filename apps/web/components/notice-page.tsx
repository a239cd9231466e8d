import { Card, CardDescription, CardHeader, buttonVariants } from "@atlas/ui";
import Link from "next/link";
import type { ReactNode } from "react";

/** A page that explains why there is nothing to show (404, 403), with the way back to Today. */
export function NoticePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col py-8">
      <Card>
        <CardHeader>
          <h1 className="text-xl font-semibold leading-tight">{title}</h1>
          <CardDescription>{children}</CardDescription>
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
