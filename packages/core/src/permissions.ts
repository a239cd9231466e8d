/**
 * Who may do what in a workspace: docs/domain.md "Permissions" as data.
 * The API's `allowedTo(capability)` middleware and any service that needs a finer check read
 * this one table, so a change to the rules is a change here (and to its tests).
 */
export const ROLES = ["owner", "admin", "coach", "member"] as const;
export type Role = (typeof ROLES)[number];

/** Owners are made from the members list by an owner, never by invitation. */
export const INVITABLE_ROLES = ["admin", "coach", "member"] as const;

export interface Capability {
  /** Roles that always have it. */
  roles: readonly Role[];
  /** Members have it too when the workspace shares progress (Workspace.sharesProgress). */
  membersWhenSharing?: true;
}

const EVERYONE = ["owner", "admin", "coach", "member"] as const;
const COACHES = ["owner", "admin", "coach"] as const;
const ADMINS = ["owner", "admin"] as const;
const OWNER = ["owner"] as const;

export const PERMISSIONS = {
  /** Own plans and log. */
  ownPlans: { roles: EVERYONE },
  /** See other members' plans, log and scores. */
  seeOthers: { roles: COACHES, membersWhenSharing: true },
  /** Edit another member's plans; record a late entry past the window. */
  editOthersPlans: { roles: COACHES },
  lateEntryOverride: { roles: COACHES },
  /** Approve AI suggestions; write coach notes. */
  approveSuggestions: { roles: COACHES },
  coachNotes: { roles: COACHES },
  /** Manage members, roles and workspace settings. */
  manageMembers: { roles: ADMINS },
  manageSettings: { roles: ADMINS },
  /** Export the workspace's data (the execution log as CSV, when the plan includes it). */
  exportData: { roles: ADMINS },
  /** See the billing page (plan, seats, invoices): read-only for admins (docs/domain.md "Billing page"). */
  seeBilling: { roles: ADMINS },
  /** Billing actions (checkout, plan changes, the Stripe portal); deleting the workspace. */
  billing: { roles: OWNER },
  deleteWorkspace: { roles: OWNER },
  /** Decide on Atlas staff's support access: approve, refuse, revoke, turn it off. */
  supportAccess: { roles: OWNER },
  /** The admin console (platform admins reach it without a role; see the API's admin router). */
  adminConsole: { roles: COACHES },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof PERMISSIONS;

export interface PermissionSubject {
  role: Role;
  /** The workspace's sharesProgress setting. */
  sharesProgress: boolean;
}

/** Whether a member with `subject.role` in a workspace has `capability`. */
export function can(capability: CapabilityName, subject: PermissionSubject): boolean {
  const rule: Capability = PERMISSIONS[capability];
  if (rule.roles.includes(subject.role)) return true;
  return rule.membersWhenSharing === true && subject.role === "member" && subject.sharesProgress;
}

/** The roles that have `capability` in a workspace with the given sharing setting. */
export function rolesWith(capability: CapabilityName, sharesProgress: boolean): Role[] {
  return ROLES.filter((role) => can(capability, { role, sharesProgress }));
}
