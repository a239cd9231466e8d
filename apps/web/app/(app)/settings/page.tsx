import { currentZoneName, zoneOption } from "@atlas/time/zone-names";
import type { Metadata } from "next";
import { CapacityForm } from "~/components/capacity-form.tsx";
import { NotificationSettingsForm } from "~/components/notifications/notification-settings-form.tsx";
import { TimeSettingsForm } from "~/components/time-settings-form.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [api, active] = await Promise.all([getApi(), getActiveWorkspace()]);
  const workspaceId = active?.id;
  const [me, capacity, notifications] = await Promise.all([
    api.me.settings.get(),
    workspaceId ? api.membership.capacity.get({ workspaceId }) : null,
    workspaceId ? api.notifications.preferences.get({ workspaceId }) : null,
  ]);
  // The zones shown as the pickers show them; the list itself loads in the browser on open.
  const now = new Date();
  const zoneLabel = (zone: string) => zoneOption(currentZoneName(zone), now).label;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <TimeSettingsForm initial={me} timeZoneLabel={zoneLabel(me.timeZone)} />
      {active && capacity ? (
        <CapacityForm
          key={active.id}
          workspaceId={active.id}
          workspaceName={active.name}
          initial={capacity}
        />
      ) : null}
      {active && notifications ? (
        <NotificationSettingsForm
          key={`notifications-${active.id}`}
          workspaceId={active.id}
          initial={notifications}
          isOwner={active.role === "owner"}
        />
      ) : null}
    </div>
  );
}
