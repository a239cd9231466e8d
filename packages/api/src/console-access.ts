/**
 * Who may read one workspace in the admin console, and how (docs/architecture.md "Console
 * reach"): a coach, admin or owner of it, or Atlas staff holding an active support grant to it.
 * Every console procedure that takes a workspaceId is built on `consoleProcedure`, so the check
 * and the audit of staff's use live here only:
 *
 *   consoleProcedure.input(ZMine).query(({ ctx, input }) => service(ctx.consoleDb, input.workspaceId))
 *
 * gives the route `ctx.access` ({ kind: "coach", role } | { kind: "grant", grantId, scope, … }).
 * Reads go through `ctx.consoleDb` (it reaches the workspace only while the grant is active, by
 * the database's clock). Writes bind a client to the workspace after checking `ctx.access`: a
 * coach through the permission table, staff only with a write grant (mutations under a read
 * grant are refused here). Every call under a grant writes `support.read` or `support.write` to
 * the workspace's audit with the grant's id and the procedure's path, before it runs.
 */
import {
  AppError,
  assertBillingAllows,
  isEntitled,
  notEntitledMessage,
  type DunningInput,
  type EntitlementSnapshot,
  type Role,
} from "@atlas/core";
import { activeGrantOf, recordGrantUse } from "@atlas/core/services/platform/support-access";
import type { SupportGrantScope, TenantDb } from "@atlas/db";
import type { Clock } from "@atlas/time";
import { z } from "zod";
import { ZId } from "./schemas.ts";
import { adminProcedure, platformProcedure } from "./trpc.ts";

/** A workspace the caller coaches, administers or owns, as adminProcedure read it. */
export interface CoachedWorkspace {
  workspaceId: string;
  role: Role;
  entitlements: EntitlementSnapshot;
  billing: DunningInput;
}

export type ConsoleAccess =
  | { kind: "coach"; role: Role }
  | {
      kind: "grant";
      grantId: string;
      scope: SupportGrantScope;
      expiresAt: Date;
      workspaceName: string;
    };

interface ConsoleCtx {
  isPlatformAdmin: boolean;
  coachedWorkspaces: CoachedWorkspace[];
  consoleDb: TenantDb;
}

/**
 * The coach's side of a workspace in the console follows its plan and the dunning ladder
 * (docs/domain.md "Plans and entitlements", "Dunning"): a plan without the coach console is
 * refused, naming the plan that has it; a write waits while the workspace is read-only. Atlas
 * staff's support access is not the customer's feature: neither applies to it.
 */
function assertCoachConsole(
  coached: CoachedWorkspace,
  type: "query" | "mutation" | "subscription",
  clock: Clock,
): void {
  if (!isEntitled(coached.entitlements, "coach_console")) {
    throw new AppError(
      "PAYMENT_REQUIRED",
      notEntitledMessage(coached.entitlements, "coach_console"),
      {
        feature: "coach_console",
      },
    );
  }
  if (type === "mutation") assertBillingAllows(coached.billing, "write", clock.now());
}

/** How the caller reaches `workspaceId` in the console, or null when they do not. */
export async function consoleAccess(
  ctx: ConsoleCtx,
  workspaceId: string,
): Promise<ConsoleAccess | null> {
  const coached = ctx.coachedWorkspaces.find((w) => w.workspaceId === workspaceId);
  if (coached) return { kind: "coach", role: coached.role };
  if (!ctx.isPlatformAdmin) return null;
  const grant = await activeGrantOf(ctx.consoleDb, workspaceId);
  return grant ? { kind: "grant", grantId: grant.id, ...grant } : null;
}

/** The workspace a console procedure is about. */
export const ZConsoleWorkspaceInput = z.object({ workspaceId: ZId });

const withAccess = <P extends typeof adminProcedure>(builder: P) =>
  builder.input(ZConsoleWorkspaceInput).use(async ({ ctx, input, path, type, next }) => {
    const access = await consoleAccess(ctx, input.workspaceId);
    const coached = ctx.coachedWorkspaces.find((w) => w.workspaceId === input.workspaceId);
    if (coached) assertCoachConsole(coached, type, ctx.clock);
    if (!access) {
      // Same answer for "no such workspace" and "not yours".
      throw new AppError(
        "FORBIDDEN",
        ctx.isPlatformAdmin
          ? "You have no active support access to this workspace: request it, and the owner approves."
          : "You do not coach this workspace.",
      );
    }
    if (access.kind === "grant") {
      const intent = type === "mutation" ? "write" : "read";
      if (intent === "write" && access.scope !== "write") {
        throw new AppError("FORBIDDEN", "Your support access to this workspace is read-only.");
      }
      await recordGrantUse(ctx.baseDb, {
        grantId: access.grantId,
        workspaceId: input.workspaceId,
        staffUserId: ctx.session.userId,
        source: ctx.source,
        intent,
        procedure: path,
      });
    }
    return next({ ctx: { access } });
  });

/** A console procedure about one workspace: coaches of it, or staff under an active grant. */
export const consoleProcedure = withAccess(adminProcedure);

/** The same, for the platform admin's routes: staff only, refused to coaches before anything. */
export const platformConsoleProcedure = withAccess(platformProcedure);
