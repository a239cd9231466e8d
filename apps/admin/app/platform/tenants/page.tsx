import { ScrollRegion } from "@atlas/ui";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { PlatformShell, platformCall } from "~/components/platform/platform-shell.tsx";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Tenants" };

const when = (iso: string | null) =>
  iso ? new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—";

/** Atlas staff: every workspace, a page at a time; no member data. */
export default async function TenantsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { cursor } = await searchParams;
  const api = await getApi();
  const page = await platformCall(() => api.platform.tenants.list({ cursor, limit: 50 }));
  return (
    <PlatformShell
      title="Tenants"
      description="Every workspace: plan, seats, members, last activity and billing."
    >
      <ScrollRegion label="Tenants">
        <table className="w-full text-left text-sm">
          <thead className="text-muted-foreground">
            <tr className="border-b border-border">
              {[
                "Workspace",
                "Plan",
                "Seats",
                "Members",
                "Last activity",
                "Billing",
                "Support access",
              ].map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((t) => (
              <tr key={t.id} className="border-b border-border last:border-0">
                <td className="py-2 pr-4">
                  <span className="font-medium">{t.name}</span>{" "}
                  <span className="text-muted-foreground">{t.slug}</span>
                </td>
                <td className="py-2 pr-4">{t.planName}</td>
                <td className="py-2 pr-4">{t.seats}</td>
                <td className="py-2 pr-4">{t.activeMembers}</td>
                <td className="py-2 pr-4">{when(t.lastActivityAt)}</td>
                <td className="py-2 pr-4">{t.billing}</td>
                <td className="py-2 pr-4">{t.supportAccessEnabled ? "allowed" : "off"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {page.nextCursor ? (
        <Link
          className="mt-4 inline-block text-sm underline"
          href={`/platform/tenants?cursor=${encodeURIComponent(page.nextCursor)}` as Route}
        >
          Next page
        </Link>
      ) : null}
    </PlatformShell>
  );
}
