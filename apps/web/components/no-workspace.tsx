import { Card, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { getWorkspaces } from "~/lib/data.ts";

/** What a workspace page shows when the session has no active workspace. */
export async function NoWorkspace({ title }: { title: string }) {
  const workspaces = await getWorkspaces();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Card>
        <CardHeader>
          <CardTitle>
            {workspaces.length > 0 ? "Choose a workspace" : "You are not in a workspace yet"}
          </CardTitle>
          <CardDescription>
            {workspaces.length > 0
              ? "Pick one with the workspace switcher at the top of the page."
              : "Ask a workspace owner or admin to invite you."}
          </CardDescription>
        </CardHeader>
      </Card>
    </div>
  );
}
