import { api } from "~/lib/api.ts";

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
 * This browser's push subscription under `vapidKey`: registers /sw.js, asks permission and
 * subscribes. Null when the person does not allow notifications.
 */
async function subscribeThisDevice(
  vapidKey: string,
): Promise<{ endpoint: string; keys: { p256dh: string; auth: string } } | null> {
  const registration = await navigator.serviceWorker.register("/sw.js");
  if ((await Notification.requestPermission()) !== "granted") return null;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(vapidKey),
  });
  const json = subscription.toJSON();
  return {
    endpoint: json.endpoint ?? subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
  };
}

/**
 * "Enable push on this device" from its click on (docs/domain.md "Notifications" ›
 * "Preferences"): reads the server's VAPID key, subscribes this browser and stores the
 * subscription. Loaded on the click, like everything it needs; answers what to tell the person.
 */
export async function enablePush(workspaceId: string): Promise<string> {
  try {
    const client = await api();
    const { publicKey } = await client.notifications.push.publicKey.query({ workspaceId });
    if (publicKey === null) {
      return "Push is not available: it is off on this Atlas server or not in your plan.";
    }
    const subscription = await subscribeThisDevice(publicKey);
    if (subscription === null) {
      return "Push stays off: this browser was not allowed to show notifications.";
    }
    await client.notifications.push.subscribe.mutate({ workspaceId, ...subscription });
    return "Push is on for this device.";
  } catch (error) {
    return error instanceof Error
      ? `Push could not be turned on: ${error.message}`
      : "Push could not be turned on.";
  }
}
