/**
 * Erasing a workspace: the one explicit, audited way its data (the execution log included) is
 * deleted. Asked by a platform admin or an active owner (`deleteWorkspace`); the deletion itself
 * is @atlas/db's eraseWorkspaceData, which keeps the audit entries and adds `workspace.erased`.
 */
import type { Db } from "@atlas/db";
import { eraseWorkspaceData, withBypass, type ErasedCounts } from "@atlas/db/bypass";
import { AppError } from "../../errors.ts";
import { can, type Role } from "../../permissions.ts";
import type { MembershipActor, MembershipOptions } from "./memberships.ts";

/** A large workspace takes a while to delete; Prisma's 5 s default would abort it half-way. */
const ERASURE_TIMEOUT_MS = 10 * 60_000;

export async function eraseWorkspace(
  actor: MembershipActor,
  input: { workspaceId: string },
  options: MembershipOptions = {},
): Promise<ErasedCounts> {
  const { workspaceId } = input;
  return withBypass(
    {
      actor: `${actor.source}:erasure`,
      reason: "erase a workspace and all its data",
      workspaceId,
      actorUserId: actor.userId,
    },
    (db: Db) =>
      db.$transaction(
        async (tx) => {
          const user = await tx.user.findUnique({
            where: { id: actor.userId },
            select: { isPlatformAdmin: true },
          });
          const own = await tx.membership.findUnique({
            where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
            select: { role: true, leftAt: true, workspace: { select: { sharesProgress: true } } },
          });
          const isOwner =
            own !== null &&
            own.leftAt === null &&
            can("deleteWorkspace", { role: own.role as Role, ...own.workspace });
          if (!user?.isPlatformAdmin && !isOwner) {
            throw new AppError("FORBIDDEN", "Only the owner or platform staff erase a workspace.");
          }
          const counts = await eraseWorkspaceData(tx, workspaceId, {
            actorUserId: actor.userId,
            via: actor.source,
          });
          if (!counts) throw new AppError("NOT_FOUND", "There is no such workspace.");
          return counts;
        },
        { timeout: ERASURE_TIMEOUT_MS },
      ),
    options.db,
  );
}
