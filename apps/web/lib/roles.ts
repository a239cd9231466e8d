import type { Role } from "@atlas/api/permissions";

export type { Role };

export const ROLE_LABEL: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  coach: "Coach",
  member: "Member",
};
