"use client";

import { Button } from "@atlas/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/lib/trpc/react.tsx";

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
 * "Enable push on this device" (docs/domain.md "Notifications" › "Preferences"): registers
 * /sw.js, asks permission, subscribes with the server's VAPID key and stores the subscription.
 * Hidden when the browser has no push, the server has push off, or the plan lacks web push.
 */
export function EnablePushButton({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const [isSupported, setIsSupported] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const publicKey = useQuery(trpc.notifications.push.publicKey.queryOptions({ workspaceId }));
  const subscribe = useMutation(trpc.notifications.push.subscribe.mutationOptions());

  useEffect(() => {
    setIsSupported("serviceWorker" in navigator && "PushManager" in window);
  }, []);

  const key = publicKey.data?.publicKey;
  if (!isSupported || !key) return null;

  async function enable(vapidKey: string) {
    setStatus(null);
    try {
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
      await subscribe.mutateAsync({
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
        disabled={subscribe.isPending}
        onClick={() => void enable(key)}
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
