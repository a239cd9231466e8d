import "server-only";
import { createCaller } from "@atlas/api";
import { createContextFactory } from "@atlas/next-app/context";
import { createServerApi } from "@atlas/next-app/server";
import { serverEnv } from "~/env.ts";
import { syncSeatsAfterJoin } from "~/lib/billing.ts";
import { billingPage } from "~/lib/billing-page.ts";
import { pushPublicKey } from "~/lib/push.ts";

/** The tRPC context of /api/trpc and of in-process calls, over this app's configuration. */
export const { contextFor, createContext } = createContextFactory({
  env: serverEnv,
  source: "web",
  onMemberJoined: syncSeatsAfterJoin,
  billing: billingPage,
  pushPublicKey,
});

/** The app router, called in process with the same context as /api/trpc (once per request). */
export const getApi = createServerApi(createCaller, contextFor);
