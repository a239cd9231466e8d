-- The admin console's gate reads each coached workspace's entitlement snapshot and dunning inputs
-- (docs/adr/0009, docs/domain.md "Plans and entitlements", "Dunning"): the console refuses a
-- workspace whose plan lacks the coach console, and a write while the workspace is read-only,
-- with no query beyond this one. Same rules as 20261205150000_access_functions; the return type
-- is unchanged (the array's elements grow), so CREATE OR REPLACE keeps the grants.
CREATE OR REPLACE FUNCTION atlas_console_context(p_user_id text, p_roles text[])
RETURNS TABLE ("isPlatformAdmin" boolean, "coached" json)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT u."isPlatformAdmin",
         coalesce((SELECT json_agg(json_build_object('workspaceId', m."workspaceId",
                                                     'role', m.role,
                                                     'entitlements', w."entitlements",
                                                     'billingStatus', s.status,
                                                     'pastDueSince', s."pastDueSince")
                                   ORDER BY m."workspaceId")
                   FROM "Membership" m
                   JOIN "Workspace" w ON w.id = m."workspaceId"
                   LEFT JOIN "Subscription" s ON s."workspaceId" = m."workspaceId"
                   WHERE m."userId" = u.id AND m."leftAt" IS NULL AND m.role::text = ANY(p_roles)),
                  '[]'::json)
  FROM "User" u
  WHERE u.id = p_user_id
$$;
