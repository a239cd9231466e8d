/**
 * Who is signed in, whichever way they signed in. In production the ids come from Clerk, whose
 * user and organization ids are Atlas's `User.id` and `Workspace.id` (docs/adr/0003); in
 * embedded and test mode from the dev session cookie.
 */
export interface Session {
  userId: string;
  /** The active workspace: Clerk's active organization, or the dev cookie's choice. */
  workspaceId: string | null;
  via: "clerk" | "dev";
}
