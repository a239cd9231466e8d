/**
 * The console's procedure for one member of one workspace (docs/domain.md "Coach drill-down"):
 * `/members/[workspaceId]/[memberId]` in apps/admin. The caller must be an active coach, admin or
 * owner of that workspace (one membership query through the user-bound client, as the workspace
 * check does); anyone else, and an unknown workspace, get the same FORBIDDEN. The member must be a
 * current member of it (NOT_FOUND otherwise, through the console's client).
 *
 * ctx then holds:
 *   consoleDb    reads (the console's read-only reach; every query names the workspace);
 *   db           writes: a client bound to that workspace as the coach (docs/architecture.md
 *                "Console reach"), with `actor` the coach acting there from the admin app;
 *   viewed       the member whose screens the reads show; drill the { workspaceId, memberId }.
 * Platform staff act only in workspaces they coach; support grants are read elsewhere.
 */
import { AppError, type Role } from "@atlas/core";
import { actorOf } from "@atlas/core/services/access/access";
import { assertCurrentMember } from "@atlas/core/services/coaching/member-drill";
import { createTenantDb } from "@atlas/db";
import { z } from "zod";
import { PERMISSIONS } from "./permissions.ts";
import { ZId } from "./schemas.ts";
import { adminProcedure } from "./trpc.ts";

/** The route parameters of a drill-down: every procedure under it names both. */
export const ZDrillParams = z.object({ workspaceId: ZId, memberId: ZId });

/** A route's own input without the drill-down's parameters (tRPC merges every input). */
export function withoutDrill<T extends { workspaceId?: string; memberId?: string }>(
  input: T,
): Omit<T, "workspaceId" | "memberId"> {
  const { workspaceId: _workspaceId, memberId: _memberId, ...rest } = input;
  return rest;
}

export const memberDrillProcedure = adminProcedure
  .input(ZDrillParams)
  .use(async ({ ctx, input, next }) => {
    const userId = ctx.session.userId;
    const { workspaceId, memberId } = input;
    const membership = await ctx.db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId }, leftAt: null },
      select: {
        role: true,
        workspace: {
          select: { id: true, sharesProgress: true, lateEntryWindowDays: true, planId: true },
        },
      },
    });
    const role = membership?.role as Role | undefined;
    const coaches: readonly Role[] = PERMISSIONS.adminConsole.roles;
    if (!membership || !role || !coaches.includes(role)) {
      throw new AppError("FORBIDDEN", "You do not coach in this workspace.");
    }
    const drill = { workspaceId, memberId };
    await ctx.consoleDb.$transaction((tx) => assertCurrentMember(tx, drill));
    const scope = {
      source: ctx.source,
      membership: { userId, role },
      workspace: membership.workspace,
    };
    return next({
      ctx: {
        ...scope,
        drill,
        actor: actorOf(scope),
        viewed: { workspaceId, userId: memberId, planId: membership.workspace.planId },
        db: createTenantDb(ctx.baseDb, { workspaceId, userId }),
      },
    });
  });
