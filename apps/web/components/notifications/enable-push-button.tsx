"use client";

import { Button } from "@atlas/ui";
import { useEffect, useState } from "react";
import { useAction } from "~/lib/api.ts";

/** The VAPID key as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4))
    .replaceAll("-", "+")
    .replaceAll("_", "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

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
      const registration = await navigator.serviceWorker.register("/sw.js");
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setStatus("Push stays off: this browser was not allowed to show notifications.");
        return;
      }
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(vapidKey),
      });
      const json = subscription.toJSON();
      await subscribe.send({
        workspaceId,
        endpoint: json.endpoint ?? subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
      });
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
