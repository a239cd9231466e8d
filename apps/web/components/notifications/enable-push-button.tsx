"use client";

import { Button } from "@atlas/ui";
import { useEffect, useState } from "react";
import { useAction } from "~/lib/api.ts";

/**
 * "Enable push on this device" (docs/domain.md "Notifications" › "Preferences"): reads the
 * server's VAPID key, registers /sw.js, asks permission, subscribes with the key and stores the
 * subscription. Hidden when the browser has no push or the plan offers none (`isOffered`); the
 * key is read on click, so a server with push off says so then.
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
  const publicKey = useAction((api) => api.notifications.push.publicKey.query);
  const subscribe = useAction((api) => api.notifications.push.subscribe.mutate);

  useEffect(() => {
    setIsSupported("serviceWorker" in navigator && "PushManager" in window);
  }, []);

  if (!isSupported || !isOffered) return null;

  async function enable() {
    setStatus(null);
    try {
      const vapidKey = (await publicKey.send({ workspaceId })).publicKey;
      if (vapidKey === null) {
        setStatus("Push is not available: it is off on this Atlas server or not in your plan.");
        return;
      }
      // The service worker and PushManager work loads on click (the page's JS budget).
      const { subscribeThisDevice } =
        await import("~/components/notifications/push-subscription.ts");
      const subscription = await subscribeThisDevice(vapidKey);
      if (subscription === null) {
        setStatus("Push stays off: this browser was not allowed to show notifications.");
        return;
      }
      await subscribe.send({ workspaceId, ...subscription });
      setStatus("Push is on for this device.");
    } catch (error) {
      setStatus(
        error instanceof Error
          ? `Push could not be turned on: ${error.message}`
          : "Push could not be turned on.",
      );
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="outline"
        disabled={publicKey.isPending || subscribe.isPending}
        onClick={() => void enable()}
      >
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
