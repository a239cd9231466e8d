import { AppError } from "@atlas/core";
import { isEntitled } from "@atlas/core/billing/plan-catalog";
import { subscribePush, unsubscribePush } from "@atlas/core/services/notifications/preferences";
import { entitled, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import {
  ZPushPublicKeyOutput,
  ZPushSubscribeInput,
  ZPushSubscribeOutput,
  ZPushUnsubscribeInput,
  ZPushUnsubscribeOutput,
} from "./notifications.schema.ts";

/** The VAPID key a browser subscribes with; null when push is off or the plan lacks web push. */
export const pushPublicKey = workspaceProcedure.output(ZPushPublicKeyOutput).query(({ ctx }) => ({
  publicKey: isEntitled(ctx.workspace.entitlements, "web_push") ? ctx.pushPublicKey : null,
}));

/** Stores this device's subscription (one per workspace and endpoint; a retry changes nothing). */
export const pushSubscribe = workspaceProcedure
  .use(entitled("web_push"))
  .use(rateLimited("settings"))
  .input(ZPushSubscribeInput)
  .output(ZPushSubscribeOutput)
  .mutation(({ ctx, input }) => {
    if (ctx.pushPublicKey === null) {
      throw new AppError("PRECONDITION_FAILED", "Push notifications are off on this Atlas server.");
    }
    return subscribePush(ctx.db, ctx.membership, { endpoint: input.endpoint, keys: input.keys });
  });

/** Forgets this device's subscription (allowed on any plan: a downgrade must not trap it). */
export const pushUnsubscribe = workspaceProcedure
  .use(rateLimited("settings"))
  .input(ZPushUnsubscribeInput)
  .output(ZPushUnsubscribeOutput)
  .mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx.membership, input.endpoint));
