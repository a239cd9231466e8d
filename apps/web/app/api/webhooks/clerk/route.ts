import { authEnv, handleClerkWebhook } from "@atlas/auth";
import { syncSeatsAfterJoin } from "~/lib/billing.ts";

/** Clerk → Atlas sync of users, workspaces and memberships (svix-verified, idempotent). */
export async function POST(request: Request) {
  const env = authEnv();
  if (env.provider !== "clerk") {
    return Response.json({ error: "Clerk is not configured in this mode" }, { status: 404 });
  }
  return handleClerkWebhook(request, {
    signingSecret: env.CLERK_WEBHOOK_SIGNING_SECRET,
    onMemberJoined: syncSeatsAfterJoin,
  });
}
