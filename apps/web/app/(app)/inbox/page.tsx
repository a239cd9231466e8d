import type { Metadata } from "next";
import { InboxList } from "~/components/inbox/inbox-list.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { serverEnv } from "~/env.ts";
import { getActiveWorkspace } from "~/lib/data.ts";

export const metadata: Metadata = { title: "Inbox" };

/** The member's notifications in the active workspace (docs/architecture.md "Live inbox"). */
export default async function InboxPage() {
  const active = await getActiveWorkspace();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
      {active ? (
        <InboxList workspaceId={active.id} adminUrl={serverEnv().adminUrl ?? null} />
      ) : (
        <NoWorkspace title="Inbox" />
      )}
    </div>
  );
}
