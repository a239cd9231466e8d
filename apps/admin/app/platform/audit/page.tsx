import { Button, Input, ScrollRegion } from "@atlas/ui";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { PlatformShell, platformCall } from "~/components/platform/platform-shell.tsx";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Audit log" };

type Params = {
  workspaceId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
};

const FILTERS = [
  ["workspaceId", "Workspace id", "text"],
  ["actorUserId", "Actor id", "text"],
  ["action", "Action (or prefix, e.g. support.)", "text"],
  ["from", "From (UTC)", "datetime-local"],
  ["to", "Until (UTC)", "datetime-local"],
] as const;

const blank = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();
const instant = (v: string | undefined) => (blank(v) ? new Date(`${blank(v)}Z`) : undefined);

/** Atlas staff: the audit log, newest first, filtered; older entries a page at a time. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const api = await getApi();
  const page = await platformCall(() =>
    api.platform.audit.list({
      workspaceId: blank(params.workspaceId),
      actorUserId: blank(params.actorUserId),
      action: blank(params.action),
      from: instant(params.from),
      to: instant(params.to),
      cursor: blank(params.cursor),
      limit: 50,
    }),
  );
  const older = new URLSearchParams(
    Object.entries({ ...params, cursor: page.nextCursor ?? "" }).filter(([, v]) => v) as [
      string,
      string,
    ][],
  );
  return (
    <PlatformShell title="Audit log" description="Every audited action, newest first.">
      <form method="get" className="mb-6 grid gap-3 sm:grid-cols-5" aria-label="Filters">
        {FILTERS.map(([name, label, type]) => (
          <label key={name} className="flex flex-col gap-1 text-sm">
            {label}
            <Input name={name} type={type} defaultValue={params[name] ?? ""} />
          </label>
        ))}
        <div>
          <Button type="submit" size="sm">
            Filter
          </Button>
        </div>
      </form>
      <ScrollRegion label="Audit entries">
        <table className="w-full text-left text-sm">
          <thead className="text-muted-foreground">
            <tr className="border-b border-border">
              {["When (UTC)", "Workspace", "Actor", "Action", "Target", "Details"].map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((e) => (
              <tr key={e.id} className="border-b border-border align-top last:border-0">
                <td className="py-2 pr-4 whitespace-nowrap">
                  {e.createdAt.slice(0, 19).replace("T", " ")}
                </td>
                <td className="py-2 pr-4">{e.workspaceName ?? e.workspaceId ?? "platform"}</td>
                <td className="py-2 pr-4">{e.actorEmail ?? e.actorUserId ?? "—"}</td>
                <td className="py-2 pr-4 font-medium">{e.action}</td>
                <td className="py-2 pr-4">
                  {e.targetType} {e.targetId}
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{JSON.stringify(e.metadata)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {page.nextCursor ? (
        <Link
          className="mt-4 inline-block text-sm underline"
          href={`/platform/audit?${older}` as Route}
        >
          Older entries
        </Link>
      ) : null}
    </PlatformShell>
  );
}
