import { Card, CardContent, CardDescription, CardHeader, CardTitle, ScrollRegion } from "@atlas/ui";
import type { Metadata } from "next";
import { can } from "@atlas/api/permissions";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { SupportAccessCard } from "~/components/support/support-access-card.tsx";
import { getApi } from "~/lib/trpc/server.ts";
import { getActiveWorkspace, getMembers } from "~/lib/data.ts";
import { ROLE_LABEL } from "~/lib/roles.ts";

export const metadata: Metadata = { title: "Workspace" };

export default async function WorkspacePage() {
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Workspace" />;

  const members = await getMembers();
  const isOwner = can("supportAccess", { role: active.role, sharesProgress: false });
  const support = isOwner ? await (await getApi()).support.list({ workspaceId: active.id }) : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-muted-foreground">Current workspace</p>
        <h1 className="text-2xl font-semibold tracking-tight">{active.name}</h1>
        <p className="mt-1 text-sm">
          Your role: <strong className="font-semibold">{ROLE_LABEL[active.role]}</strong>
        </p>
      </div>

      <Card aria-labelledby="members-title">
        <CardHeader>
          <CardTitle id="members-title">Members</CardTitle>
          <CardDescription>
            {members.length} {members.length === 1 ? "person" : "people"} in {active.name}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ScrollRegion label={`Members of ${active.name}`}>
            <table className="w-full text-left text-sm">
              <thead className="text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Email
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Role
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id} className="border-b border-border last:border-0">
                    <td className="py-2 pr-4 font-medium">{member.name}</td>
                    <td className="py-2 pr-4 text-muted-foreground">
                      {member.email ?? (
                        <>
                          <span aria-hidden>—</span>
                          <span className="sr-only">not shared</span>
                        </>
                      )}
                    </td>
                    <td className="py-2">{ROLE_LABEL[member.role]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </CardContent>
      </Card>

      {support ? <SupportAccessCard workspaceId={active.id} initial={support} /> : null}
    </div>
  );
}
