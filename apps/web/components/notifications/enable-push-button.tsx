"use client";

import { Button } from "@atlas/ui";
import { useEffect, useState } from "react";

/**
 * "Enable push on this device" (docs/domain.md "Notifications" › "Preferences"). Hidden when the
 * browser has no push or the plan offers none (`isOffered`); what the click does
 * (push-subscription.ts: the server's key, /sw.js, permission, the subscription) loads on the
 * click, so a server with push off says so then.
 */
export function EnablePushButton({
  workspaceId,
  isOffered,
}: {
  workspaceId: string;
  isOffered: boolean;
}) {
  const [isSupported, setIsSupported] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    setIsSupported("serviceWorker" in navigator && "PushManager" in window);
  }, []);

  if (!isSupported || !isOffered) return null;

  async function enable() {
    setStatus(null);
    setPending(true);
    try {
      const { enablePush } = await import("~/components/notifications/push-subscription.ts");
      setStatus(await enablePush(workspaceId));
    } catch {
      setStatus("Push could not be turned on: the page could not load what it needs. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="outline" disabled={isPending} onClick={() => void enable()}>
        Enable push on this device
      </Button>
      {status ? (
        <p role="status" className="text-sm text-muted-foreground">
          {status}
        </p>
      ) : null}
    </div>
  );
}
