/**
 * The procedure chain's access checks (docs/architecture.md "Request flow", docs/adr/0007): each
 * is ONE plain query of a SECURITY DEFINER function (migration 20261205150000_access_functions)
 * on the client's own pool, with no transaction and no set_config. The functions take the user
 * as an argument: pass only the session's.
 */
import { plainQuery, type Db } from "./client.ts";

/** What the chain reads of a workspace. */
export interface MemberWorkspace {
  id: string;
  name: string;
  slug: string;
  /** The Plan row's id. */
  planId: string;
  /** The plan's id in core's plan catalog (the Plan row's key). */
  planKey: string;
  sharesProgress: boolean;
  lateEntryWindowDays: number;
  defaultTimeZone: string;
  /** The entitlement snapshot billing copied onto the workspace (core's EntitlementSnapshot). */
  entitlements: {
    planKey: string;
    planName: string;
    features: Record<string, { isEnabled: boolean; limitValue: number | null }>;
  };
  /** The subscription's status, null without one (billing off, or never subscribed). */
  billingStatus: string | null;
  /** Start of the current run of failed payments (the dunning ladder's origin). */
  pastDueSince: Date | null;
}

export interface MembershipContext {
  /** The membership's role (MembershipRole). */
  role: string;
  workspace: MemberWorkspace;
}

/**
 * The user's active membership of the workspace and the workspace; null when the user is no
 * member, has left, or there is no such workspace (one answer: ids are not to be probed).
 */
export async function memberContext(
  db: Db,
  scope: { userId: string; workspaceId: string },
): Promise<MembershipContext | null> {
  const [row] = await plainQuery<MemberWorkspace & { role: string }>(
    db,
    "SELECT * FROM atlas_member_context($1, $2)",
    [scope.userId, scope.workspaceId],
  );
  if (row === undefined) return null;
  const { role, ...workspace } = row;
  return { role, workspace };
}

/** A workspace where the user holds one of the roles asked for, as the console's gate reads it. */
export interface CoachedWorkspace {
  workspaceId: string;
  role: string;
  /** The workspace's entitlement snapshot (as MemberWorkspace's). */
  entitlements: MemberWorkspace["entitlements"];
  billingStatus: string | null;
  pastDueSince: Date | null;
}

export interface ConsoleContext {
  isPlatformAdmin: boolean;
  /** The user's active memberships with one of the roles asked for, by workspace id. */
  coached: CoachedWorkspace[];
}

/** Whether the user is platform staff, and where they hold one of `roles` (none: no such user). */
export async function consoleContext(
  db: Db,
  userId: string,
  roles: readonly string[],
): Promise<ConsoleContext> {
  const [row] = await plainQuery<{
    isPlatformAdmin: boolean;
    coached: (Omit<CoachedWorkspace, "pastDueSince"> & { pastDueSince: string | null })[];
  }>(db, "SELECT * FROM atlas_console_context($1, $2)", [userId, roles]);
  if (row === undefined) return { isPlatformAdmin: false, coached: [] };
  return {
    isPlatformAdmin: row.isPlatformAdmin,
    // json carries the instant as text.
    coached: row.coached.map((c) => ({
      ...c,
      pastDueSince: c.pastDueSince === null ? null : new Date(c.pastDueSince),
    })),
  };
}
