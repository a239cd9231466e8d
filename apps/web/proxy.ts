/** Who may reach which page, before rendering (packages/next-app/src/proxy.ts). */
import { createProxy, type ProxyConfig } from "@atlas/next-app/proxy";

export default createProxy();

// Next reads `config` without running this file, so it is written out; the type holds it to
// the package's matcher. /api/inngest, /api/webhooks/*, one-click unsubscribe and static files
// never reach the proxy.
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|api/inngest|api/webhooks|api/notifications/unsubscribe|favicon\\.ico|.*\\.(?:css|js|map|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|txt|xml|webmanifest)$).*)",
  ],
} satisfies ProxyConfig;
