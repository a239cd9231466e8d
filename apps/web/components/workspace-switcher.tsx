import { HeaderMenu, buttonVariants } from "@atlas/ui";
import { chooseWorkspace } from "~/app/actions.ts";
import { ROLE_LABEL, type Role } from "~/lib/roles.ts";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  role: Role;
}

/**
 * The dev sign-in's workspace switcher (with Clerk, OrganizationSwitcher takes its place): a
 * button and a popover listing the workspaces, each other one a form posting to chooseWorkspace;
 * the active one is marked current. No client code. `id` names the popover (one per place shown).
 */
export function WorkspaceSwitcher({
  id,
  workspaces,
  activeId,
}: {
  id: string;
  workspaces: SwitcherWorkspace[];
  activeId: string | null;
}) {
  const active = workspaces.find((workspace) => workspace.id === activeId);
  return (
    <HeaderMenu
      id={id}
      triggerClassName={buttonVariants({ variant: "outline", size: "sm" })}
      trigger={
        <>
          <span className="sr-only">Workspace: </span>
          <span className="max-w-48 truncate">{active?.name ?? "Choose a workspace"}</span>
          <span aria-hidden className="text-muted-foreground">
            ▾
          </span>
        </>
      }
    >
      <p id={`${id}-label`} className="menu-label">
        Workspaces
      </p>
      <ul aria-labelledby={`${id}-label`} className="flex flex-col gap-0.5">
        {workspaces.map((workspace) => {
          const content = (
            <>
              <span className="flex-1 truncate text-left">{workspace.name}</span>
              <span className="text-xs text-muted-foreground">{ROLE_LABEL[workspace.role]}</span>
            </>
          );
          return (
            <li key={workspace.id}>
              {workspace.id === activeId ? (
                <p aria-current="true" className="menu-item bg-secondary font-medium">
                  {content}
                </p>
              ) : (
                <form action={chooseWorkspace}>
                  <input type="hidden" name="workspaceId" value={workspace.id} />
                  <button type="submit" className="menu-item w-full">
                    {content}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </HeaderMenu>
  );
}
