/** The admin console's portfolio: the workspaces a person coaches, administers or owns. */
import type { Role } from "@atlas/core";
import { createTenantDb, type Db, type TenantDb } from "@atlas/db";

export interface PortfolioWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  memberCount: number;
}

/**
 * `userDb` is bound to the user only (their memberships and workspaces); counting a workspace's
 * members needs a client bound to that workspace, bound here from `baseDb` only for a workspace
 * the user is proven to coach in (it comes from their own memberships).
 */
export async function listPortfolioWorkspaces(
  userDb: TenantDb,
  baseDb: Db,
  userId: string,
  roles: readonly Role[],
): Promise<PortfolioWorkspace[]> {
  const memberships = await userDb.membership.findMany({
    where: { userId, role: { in: [...roles] } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
  });
  return Promise.all(
    memberships.map(async (m) => ({
      ...m.workspace,
      role: m.role as Role,
      memberCount: await createTenantDb(baseDb, {
        workspaceId: m.workspace.id,
        userId,
      }).membership.count({
        where: { workspaceId: m.workspace.id },
      }),
    })),
  );
}
