import { can } from "@atlas/api/permissions";
import type { Metadata } from "next";
import { InvitationsCard } from "~/components/members/lazy.tsx";
import { MembersCard } from "~/components/members/members-card.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { SupportAccessCard } from "~/components/support/lazy.tsx";
import { getApi } from "~/lib/trpc/server.ts";
import { getActiveWorkspace, getMe, getMySettings } from "~/lib/data.ts";
import { ROLE_LABEL } from "~/lib/roles.ts";

export const metadata: Metadata = { title: "Workspace" };

export default async function WorkspacePage() {
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Workspace" />;

  const api = await getApi();
  // Owners and admins manage members (docs/domain.md "Members and invitations").
  const isOwner = can("supportAccess", { role: active.role, sharesProgress: false });
  const canManage = can("manageMembers", { role: active.role, sharesProgress: false });
  const [me, members, invitations, support, settings] = await Promise.all([
    getMe(),
    api.workspace.members({ limit: 50 }),
    canManage ? api.workspace.invitations({ limit: 50 }) : null,
    isOwner ? api.support.list({ workspaceId: active.id }) : null,
    isOwner ? getMySettings() : null,
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-muted-foreground">Current workspace</p>
        <h1 className="text-2xl font-semibold tracking-tight">{active.name}</h1>
        <p className="mt-1 text-sm">
          Your role: <strong className="font-semibold">{ROLE_LABEL[active.role]}</strong>
        </p>
      </div>

      <MembersCard
        key={active.id}
        workspaceName={active.name}
        viewer={{ userId: me.id, role: active.role, canManage }}
        initial={members}
      />
      {invitations ? (
        <InvitationsCard key={active.id} viewerRole={active.role} initial={invitations} />
      ) : null}

      {support && settings ? (
        <SupportAccessCard workspaceId={active.id} data={support} timeZone={settings.timeZone} />
      ) : null}
    </div>
  );
}
