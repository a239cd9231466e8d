import { createCaller } from "@atlas/api";
import { logExportResponse } from "@atlas/api/export";
import { createContext } from "~/lib/trpc/server.ts";

/**
 * GET /api/export/log[?workspaceId=…]: the workspace's execution log as CSV, streamed a page at a
 * time (docs/domain.md "Data export"). Owners and admins on a plan with data export.
 */
export async function GET(request: Request) {
  const context = await createContext(request);
  return logExportResponse(createCaller(context), {
    workspaceId: new URL(request.url).searchParams.get("workspaceId") ?? undefined,
    now: context.clock.now(),
  });
}
