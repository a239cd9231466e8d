import type { Metadata } from "next";
import { InboxList } from "~/components/inbox/inbox-list.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { serverEnv } from "~/env.ts";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Inbox" };

/** The member's notifications in the active workspace (docs/architecture.md "Live inbox"). */
export default async function InboxPage() {
  const [api, active] = await Promise.all([getApi(), getActiveWorkspace()]);
  const first = active ? await api.inbox.list({ workspaceId: active.id, limit: 20 }) : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
      {active && first ? (
        <InboxList
          key={active.id}
          workspaceId={active.id}
          adminUrl={serverEnv().adminUrl ?? null}
          initial={first}
        />
      ) : (
        <NoWorkspace title="Inbox" />
      )}
    </div>
  );
}
