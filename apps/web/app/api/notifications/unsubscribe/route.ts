import { unsubscribeGet, unsubscribePost } from "@atlas/notify/unsubscribe-route";
import { serverEnv } from "~/env.ts";
import { createContext } from "~/lib/trpc/server.ts";

/**
 * One-click unsubscribe (docs/domain.md "Notifications"): outside sign-in (see proxy.ts). POST
 * unsubscribes with the signed token alone; GET only shows the confirmation page.
 */
async function deps(request: Request) {
  const { db } = await createContext(request);
  return { db, signingSecret: serverEnv().notify.signingSecret };
}

export async function GET(request: Request) {
  return unsubscribeGet(request, await deps(request));
}

export async function POST(request: Request) {
  return unsubscribePost(request, await deps(request));
}
