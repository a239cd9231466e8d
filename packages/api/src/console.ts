/**
 * The console's procedure for one member of one workspace (docs/domain.md "Coach drill-down"):
 * `/members/[workspaceId]/[memberId]` in apps/admin. Built on `consoleProcedure` (one access check
 * for the console): an active coach, admin or owner of that workspace, or Atlas staff under an
 * active support grant (audited there; reads only). The member must be a current member of it
 * (NOT_FOUND otherwise, through the console's client).
 *
 * ctx then holds:
 *   consoleDb    reads (the console's read-only reach; every query names the workspace);
 *   db           writes: a client bound to that workspace as the coach (docs/architecture.md
 *                "Console reach"), with `actor` the coach acting there from the admin app;
 *   viewed       the member whose screens the reads show; drill the { workspaceId, memberId }.
 */
import { AppError, type EntitlementSnapshot, type Role } from "@atlas/core";
import { actorOf } from "@atlas/core/services/access/access";
import { assertCurrentMember } from "@atlas/core/services/coaching/member-drill";
import { createTenantDb } from "@atlas/db";
import { z } from "zod";
import { consoleProcedure } from "./console-access.ts";
import { ZId } from "./schemas.ts";

/** The route parameters of a drill-down: every procedure under it names both. */
export const ZDrillParams = z.object({ workspaceId: ZId, memberId: ZId });

/** A route's own input without the drill-down's parameters (tRPC merges every input). */
export function withoutDrill<T extends { workspaceId?: string; memberId?: string }>(
  input: T,
): Omit<T, "workspaceId" | "memberId"> {
  const { workspaceId: _workspaceId, memberId: _memberId, ...rest } = input;
  return rest;
}

export const memberDrillProcedure = consoleProcedure
  .input(ZDrillParams)
  .use(async ({ ctx, input, type, next }) => {
    const userId = ctx.session.userId;
    const { workspaceId, memberId } = input;
    if (ctx.access.kind === "grant" && type === "mutation") {
      throw new AppError(
        "FORBIDDEN",
        "Support access shows this member's pages; changes are made by the workspace's coaches.",
      );
    }
    const drill = { workspaceId, memberId };
    const row = await ctx.consoleDb.$transaction(async (tx) => {
      await assertCurrentMember(tx, drill);
      return tx.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { id: true, sharesProgress: true, lateEntryWindowDays: true, entitlements: true },
      });
    });
    // The column holds core's EntitlementSnapshot (docs/adr/0009).
    const workspace = { ...row, entitlements: row.entitlements as unknown as EntitlementSnapshot };
    // Staff under a grant read what a coach reads; they write nothing here (above).
    const role: Role = ctx.access.kind === "coach" ? ctx.access.role : "coach";
    const scope = { source: ctx.source, membership: { userId, role }, workspace };
    return next({
      ctx: {
        ...scope,
        drill,
        actor: actorOf(scope),
        viewed: { workspaceId, userId: memberId, entitlements: workspace.entitlements },
        db: createTenantDb(ctx.baseDb, { workspaceId, userId }),
      },
    });
  });

/**
 * A coach's own write in one workspace of the console (the approval queue): only a coach, admin
 * or owner of it (staff under a support grant are refused: they review nothing). ctx gains
 * `actor`, the coach acting there from the admin app, `db` bound to the workspace as the coach,
 * and the workspace's `entitlements`.
 */
export const consoleCoachProcedure = consoleProcedure.use(async ({ ctx, input, next }) => {
  if (ctx.access.kind !== "coach") {
    throw new AppError("FORBIDDEN", "Only the workspace's coaches, admins and owners do this.");
  }
  const { workspaceId } = input;
  const userId = ctx.session.userId;
  const workspace = await ctx.consoleDb.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      id: true,
      sharesProgress: true,
      lateEntryWindowDays: true,
      planId: true,
      entitlements: true,
    },
  });
  const entitlements = workspace.entitlements as unknown as EntitlementSnapshot;
  const scope = {
    source: ctx.source,
    membership: { userId, role: ctx.access.role },
    workspace: { ...workspace, entitlements },
  };
  return next({
    ctx: {
      actor: actorOf(scope),
      entitlements,
      db: createTenantDb(ctx.baseDb, { workspaceId, userId }),
    },
  });
});
