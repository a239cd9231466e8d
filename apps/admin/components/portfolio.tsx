"use client";

import type { AdminRouterOutputs } from "@atlas/api";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc/react.tsx";

type PortfolioWorkspace = AdminRouterOutputs["portfolio"]["workspaces"][number];

const ROLE_LABEL = { owner: "Owner", admin: "Admin", coach: "Coach", member: "Member" } as const;

/** The coach's workspaces: rendered on the server, kept fresh in the browser. */
export function Portfolio({ initial }: { initial: PortfolioWorkspace[] }) {
  const trpc = useTRPC();
  const { data: workspaces } = useQuery(
    trpc.portfolio.workspaces.queryOptions(undefined, { initialData: initial }),
  );

  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {workspaces.map((workspace) => (
        <li key={workspace.id}>
          <Card aria-labelledby={`workspace-${workspace.id}`} className="h-full">
            <CardHeader>
              <CardTitle id={`workspace-${workspace.id}`}>{workspace.name}</CardTitle>
              <CardDescription>{workspace.slug}</CardDescription>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <dt className="text-muted-foreground">Your role</dt>
                <dd className="font-medium">{ROLE_LABEL[workspace.role]}</dd>
                <dt className="text-muted-foreground">Members</dt>
                <dd className="font-medium">{workspace.memberCount}</dd>
              </dl>
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
