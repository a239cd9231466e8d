-- The procedure chain's access checks, each ONE plain query with no transaction and no set_config
-- (docs/architecture.md "Request flow", docs/adr/0007). The functions are SECURITY DEFINER: they
-- read as their owner, the migration role, which bypasses row-level security like the bypass
-- client does; each filters on exactly the user (the session's, passed by the API) and workspace it
-- is given, and only active memberships (leftAt IS NULL) count. search_path is pinned so nothing
-- the caller can name shadows a table; only atlas_app may execute them.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'the migration role must bypass row-level security: the access functions read as it';
  END IF;
END $$;

-- The workspace check of workspaceProcedure: the caller's role in it and what the chain reads of
-- the workspace; no row for a non-member, one who left, or no such workspace.
CREATE FUNCTION atlas_member_context(p_user_id text, p_workspace_id text)
RETURNS TABLE (
  "role" text,
  "id" text,
  "name" text,
  "slug" text,
  "planId" text,
  "planKey" text,
  "sharesProgress" boolean,
  "lateEntryWindowDays" integer,
  "defaultTimeZone" text
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT m.role::text, w.id, w.name, w.slug, w."planId", p.key, w."sharesProgress",
         w."lateEntryWindowDays", w."defaultTimeZone"
  FROM "Membership" m
  JOIN "Workspace" w ON w.id = m."workspaceId"
  JOIN "Plan" p ON p.id = w."planId"
  WHERE m."userId" = p_user_id AND m."workspaceId" = p_workspace_id AND m."leftAt" IS NULL
$$;

-- The admin console's gate (adminProcedure): whether the user is platform staff, and their active
-- memberships whose role is one of p_roles (the permission table's adminConsole roles).
CREATE FUNCTION atlas_console_context(p_user_id text, p_roles text[])
RETURNS TABLE ("isPlatformAdmin" boolean, "coached" json)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT u."isPlatformAdmin",
         coalesce((SELECT json_agg(json_build_object('workspaceId', m."workspaceId", 'role', m.role)
                                   ORDER BY m."workspaceId")
                   FROM "Membership" m
                   WHERE m."userId" = u.id AND m."leftAt" IS NULL AND m.role::text = ANY(p_roles)),
                  '[]'::json)
  FROM "User" u
  WHERE u.id = p_user_id
$$;

REVOKE ALL ON FUNCTION atlas_member_context(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION atlas_console_context(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION atlas_member_context(text, text) TO atlas_app;
GRANT EXECUTE ON FUNCTION atlas_console_context(text, text[]) TO atlas_app;
