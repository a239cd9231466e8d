import { isTRPCError } from "@atlas/next-app/server";
import { Card, CardContent, ScrollRegion } from "@atlas/ui";
import type { Metadata } from "next";
import { PlatformShell } from "~/components/platform/platform-shell.tsx";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Under support access" };

/**
 * Staff under an active grant: the workspace's members and recent scores, read-only. Each view
 * is audited with the grant's id; once the grant ends (revoked, expired, switched off) the next
 * view is refused.
 */
export default async function SupportWorkspacePage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const api = await getApi();
  let view;
  try {
    view = await api.platform.support.members({ workspaceId });
  } catch (error) {
    if (!isTRPCError(error, "FORBIDDEN")) throw error;
    return (
      <PlatformShell title="No access" description="This workspace is not open to you.">
        <Card>
          <CardContent className="py-6 text-sm" role="alert">
            {error instanceof Error ? error.message : "You have no active support access."}
          </CardContent>
        </Card>
      </PlatformShell>
    );
  }
  const until = `${view.grant.expiresAt.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <PlatformShell
      title={view.grant.workspaceName}
      description="Members and their recent daily scores."
      banner={
        <div role="status" className="border-b border-warning/40 bg-warning/10">
          <p className="mx-auto max-w-5xl px-4 py-2 text-sm">
            You are viewing {view.grant.workspaceName} under support access until {until} (
            {view.grant.scope === "write" ? "read and write" : "read-only"}). Every view is
            recorded.
          </p>
        </div>
      }
    >
      <ScrollRegion label={`Members of ${view.grant.workspaceName}`}>
        <table className="w-full text-left text-sm">
          <thead className="text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-4 font-medium">
                Name
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 font-medium">
                Recent scores (oldest first)
              </th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => (
              <tr key={m.userId} className="border-b border-border last:border-0">
                <td className="py-2 pr-4 font-medium">{m.name}</td>
                <td className="py-2 pr-4">{m.role}</td>
                <td className="py-2 font-mono text-xs">
                  {m.recentScores.length === 0
                    ? "none stored"
                    : m.recentScores.map((s) => s.score ?? "·").join(" ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </PlatformShell>
  );
}
