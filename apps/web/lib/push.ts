import "server-only";
import { repoRoot } from "@atlas/config";
import { vapidKeysFor } from "@atlas/notify/channels";
import { serverEnv } from "~/env.ts";

/**
 * The VAPID public key browsers subscribe with: the one the push sender signs with
 * (docs/architecture.md "Notifications": configured, else `.atlas/vapid.json` outside production;
 * null = push off).
 */
export function pushPublicKey(): string | null {
  const { notify, mode } = serverEnv();
  return vapidKeysFor(notify, mode, repoRoot())?.publicKey ?? null;
}
