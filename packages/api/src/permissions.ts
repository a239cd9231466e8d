/**
 * The permission table (docs/domain.md "Permissions") lives in @atlas/core as data, so
 * services and the API read the same rules; the API enforces it with `allowedTo(capability)` and
 * `role(...)` (trpc.ts). Platform admins hold no workspace capability: they reach the admin
 * console only (adminProcedure), and tenant data only through audited support access.
 */
export {
  PERMISSIONS,
  ROLES,
  can,
  rolesWith,
  type Capability,
  type CapabilityName,
  type PermissionSubject,
  type Role,
} from "@atlas/core/permissions";
