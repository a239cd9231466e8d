/* Atlas's service worker (docs/domain.md "Notifications"): shows a web push and opens its deep
 * link. The payload is the JSON packages/notify/src/push.ts sends: { title, body, url, tag }. */
/* global self */
self.addEventListener("push", (event) => {
  let message = { title: "Atlas", body: "", url: "/", tag: "atlas" };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // an empty or non-JSON push still shows something
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url ?? "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
