/** The admin console's portfolio: the workspaces a person coaches, administers or owns. */
import type { Role } from "@atlas/core";
import { createTenantDb, type Db } from "@atlas/db";

export interface PortfolioWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  memberCount: number;
}

/**
 * The user's memberships are read bound to the user only; counting a workspace's members needs a
 * client bound to that workspace, made only for a workspace the user is proven to coach in.
 */
export async function listPortfolioWorkspaces(
  db: Db,
  userId: string,
  roles: readonly Role[],
): Promise<PortfolioWorkspace[]> {
  const bind = (workspaceId: string | null) => createTenantDb(db, { workspaceId, userId });
  const memberships = await bind(null).membership.findMany({
    where: { userId, role: { in: [...roles] } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
  });
  return Promise.all(
    memberships.map(async (m) => ({
      ...m.workspace,
      role: m.role as Role,
      memberCount: await bind(m.workspace.id).membership.count({
        where: { workspaceId: m.workspace.id, leftAt: null },
      }),
    })),
  );
}
