import { Badge, Card, CardContent, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { PlatformShell, platformCall } from "~/components/platform/platform-shell.tsx";
import { SupportRequestForm } from "~/components/platform/support-request-form.tsx";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Support access" };

const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** Atlas staff: their grants (open ones lead to the workspace) and a new request. */
export default async function SupportPage() {
  const api = await getApi();
  const grants = await platformCall(() => api.platform.support.listMine());
  const tenants = await api.platform.tenants.list({ limit: 100 });
  return (
    <PlatformShell
      title="Support access"
      description="Ask an owner to let you see their workspace, for at most 24 hours."
    >
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card aria-labelledby="grants-title">
          <CardHeader>
            <CardTitle id="grants-title">Your grants</CardTitle>
          </CardHeader>
          <CardContent>
            {grants.length === 0 ? (
              <p className="text-sm text-muted-foreground">You have asked for nothing yet.</p>
            ) : (
              <ul aria-label="Your grants" className="flex flex-col divide-y divide-border text-sm">
                {grants.map((g) => (
                  <li key={g.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      {g.isActive ? (
                        <Link
                          className="font-medium underline"
                          href={`/platform/support/${g.workspaceId}` as Route}
                        >
                          Open {g.workspaceName}
                        </Link>
                      ) : (
                        <span className="font-medium">{g.workspaceName}</span>
                      )}
                      <Badge>
                        {g.isActive ? "active" : g.status === "approved" ? "ended" : g.status}
                      </Badge>
                      {g.breakGlass ? <Badge>break-glass</Badge> : null}
                      <span className="text-muted-foreground">
                        {g.scope}, {g.durationMinutes} min
                        {g.expiresAt ? `, until ${utc(g.expiresAt)}` : ""}
                      </span>
                    </div>
                    <p className="text-muted-foreground">“{g.reason}”</p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card aria-labelledby="request-title">
          <CardHeader>
            <CardTitle id="request-title">Request access</CardTitle>
          </CardHeader>
          <CardContent>
            <SupportRequestForm
              workspaces={tenants.items
                .filter((t) => t.supportAccessEnabled)
                .map((t) => ({ id: t.id, name: t.name }))}
            />
          </CardContent>
        </Card>
      </div>
    </PlatformShell>
  );
}
