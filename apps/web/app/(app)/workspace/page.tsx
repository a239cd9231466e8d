import { can } from "@atlas/api/permissions";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { currentZoneName, zoneOption } from "@atlas/time/zone-names";
import type { Metadata } from "next";
import { WorkspaceSettingsForm } from "~/components/lazy.tsx";
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
  const canSetUp = can("manageSettings", { role: active.role, sharesProgress: false });
  const [me, members, invitations, workspaceSettings, support, settings] = await Promise.all([
    getMe(),
    api.workspace.members({ limit: 50 }),
    canManage ? api.workspace.invitations({ limit: 50 }) : null,
    canSetUp ? api.workspace.settings.get({ workspaceId: active.id }) : null,
    isOwner ? api.support.list({ workspaceId: active.id }) : null,
    isOwner ? getMySettings() : null,
  ]);
  // Staff waiting for the owner's answer, or access open now: said on the closed section.
  const waiting = support?.grants.filter((g) => g.status === "requested").length ?? 0;
  const openNow = support?.grants.some((g) => g.isActive) ?? false;
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
      {/* What owners and admins manage opens on demand, and its code loads then (ADR 0013). */}
      {invitations ? (
        <OpenToLoad
          id="invitations"
          summary={`Invitations (${invitations.items.length}${invitations.nextCursor ? "+" : ""} open)`}
        >
          <InvitationsCard key={active.id} viewerRole={active.role} initial={invitations} />
        </OpenToLoad>
      ) : null}

      {support && settings ? (
        <OpenToLoad
          id="support-access"
          summary={`Support access${waiting > 0 ? ` (${waiting} waiting for you)` : openNow ? " (open now)" : ""}`}
        >
          <SupportAccessCard workspaceId={active.id} data={support} timeZone={settings.timeZone} />
        </OpenToLoad>
      ) : null}

      {workspaceSettings ? (
        <OpenToLoad id="workspace-settings" summary="Workspace settings">
          <WorkspaceSettingsForm
            key={active.id}
            workspaceId={active.id}
            workspaceName={active.name}
            initial={workspaceSettings}
            timeZoneLabel={
              zoneOption(currentZoneName(workspaceSettings.defaultTimeZone), new Date()).label
            }
          />
        </OpenToLoad>
      ) : null}
    </div>
  );
}
