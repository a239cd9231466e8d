/** The admin console's portfolio: the workspaces a person coaches, administers or owns. */
import type { Role } from "@atlas/core";
import type { TenantDb } from "@atlas/db";

export interface PortfolioWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  memberCount: number;
}

/**
 * `userDb` is bound to the user only (their memberships and workspaces); counting a workspace's
 * members needs a client bound to that workspace, which `bind` gives for a workspace the user is
 * proven to coach in (it comes from their own memberships).
 */
export async function listPortfolioWorkspaces(
  userDb: TenantDb,
  bind: (workspaceId: string) => TenantDb,
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
      memberCount: await bind(m.workspace.id).membership.count({
        where: { workspaceId: m.workspace.id, leftAt: null },
      }),
    })),
  );
}
